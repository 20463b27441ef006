using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Core.Witx.Semantics;

namespace Wit.Cli.Abi;

/// <summary>
/// <c>wit abi</c> of a WITX document: what the witx crate's ABI makes of a typename (size, alignment, field offsets,
/// a variant's tag and payload offset) or of a module's function (its core signature and return pointers). WITX has no
/// worlds and one 32-bit memory, so <c>--world</c> and <c>--memory64</c> have no meaning here.
/// </summary>
public static class WitxAbiText
{
    /// <summary>The layout of typename <paramref name="name"/> (with or without its <c>$</c>), or null with the reason.</summary>
    public static string? Type(WitxModel model, string name, out string error)
    {
        error = string.Empty;
        string bare = name.TrimStart('$');
        if (model.FindTypename(bare) is not { } typename)
        {
            error = $"no typename `${bare}`{NameSuggestions.AvailableText(bare, model.Typenames.Select(t => t.Name))}";
            return null;
        }

        var type = typename.Type;
        var layout = type.Layout;
        var builder = new StringBuilder();
        builder.Append("typename $").Append(typename.Name).Append(" (witx, memory32)\n");
        var lines = new List<(string, string)>
        {
            ("kind", type.KindName),
            ("size", AbiTextRenderer.Number(layout.Size)),
            ("alignment", AbiTextRenderer.Number(layout.Alignment)),
        };
        if (type.Kind == WitxTypeKind.Variant)
        {
            lines.Add(("tag", AbiTextRenderer.Count(layout.TagSize, "byte")));
            lines.Add(("payload offset", AbiTextRenderer.Number(layout.PayloadOffset)));
        }

        AbiTextRenderer.AppendLabels(builder, "  ", lines);
        if (type.Kind == WitxTypeKind.Record && !type.IsBitflags && type.Members.Count > 0)
        {
            var table = new TextTable("field", "type", ">offset", ">size", ">align");
            for (int i = 0; i < type.Members.Count && i < layout.FieldOffsets.Count; i++)
            {
                var member = type.Members[i];
                var fieldLayout = member.Type?.Type.Layout;
                table.Add(member.Name, member.Type?.ToString() ?? "?", AbiTextRenderer.Number(layout.FieldOffsets[i]),
                    fieldLayout is null ? "?" : AbiTextRenderer.Number(fieldLayout.Size), fieldLayout is null ? "?" : AbiTextRenderer.Number(fieldLayout.Alignment));
            }

            builder.Append('\n');
            table.WriteTo(builder, "  ");
        }

        return builder.ToString();
    }

    /// <summary>The core signature of <paramref name="name"/> (<c>MODULE.FUNC</c>), or null with the reason.</summary>
    public static string? Function(WitxModel model, string name, out string error)
    {
        error = string.Empty;
        int dot = name.IndexOf('.');
        if (dot <= 0 || dot == name.Length - 1)
        {
            error = $"expected MODULE.FUNC, found `{name}`";
            return null;
        }

        string moduleName = name.Substring(0, dot).TrimStart('$');
        string functionName = name.Substring(dot + 1);
        if (model.FindModule(moduleName) is not { } module)
        {
            error = $"no module `${moduleName}`{NameSuggestions.AvailableText(moduleName, model.Modules.Select(m => m.Name))}";
            return null;
        }

        if (module.FindFunction(functionName) is not { } function)
        {
            error = $"module `${moduleName}` has no function `{functionName}`{NameSuggestions.AvailableText(functionName, module.Functions.Select(f => f.Name))}";
            return null;
        }

        var builder = new StringBuilder();
        builder.Append("func $").Append(module.Name).Append('.').Append(function.Name).Append(" (witx, memory32)\n");
        var lines = new List<(string, string)>();
        foreach (var parameter in function.Params) lines.Add(("param $" + parameter.Name, parameter.Type?.ToString() ?? "?"));
        foreach (var result in function.Results) lines.Add(("result $" + result.Name, result.Type?.ToString() ?? "?"));
        if (WitxAbi.Signature(function) is { } signature)
        {
            lines.Add(("core signature", AbiTextRenderer.CoreType(signature.Parameters.Select(CoreValueTypes.Name).ToList(), signature.Results.Select(CoreValueTypes.Name).ToList())));
            lines.Add(("return pointers", AbiTextRenderer.Number(signature.ReturnPointerCount)));
        }
        else
        {
            lines.Add(("core signature", "none" + (function.AbiProblem is { } problem ? ": " + problem : string.Empty)));
        }

        AbiTextRenderer.AppendLabels(builder, "  ", lines);
        return builder.ToString();
    }
}
