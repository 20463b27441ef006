using System.Collections.Generic;
using System.Text;

namespace Wit.Cli.Abi;

/// <summary>
/// Renders a world: the core imports (module, name, type) and exports (name, type) of a module targeting it, then
/// how many of its functions allocate per call, spill their parameters, return through memory and need a post-return.
/// </summary>
public static class AbiWorldTextRenderer
{
    public static void Render(AbiWorldReport world, string memory, StringBuilder builder)
    {
        builder.Append("world ").Append(world.Name).Append(" (").Append(memory).Append(")\n\n");
        if (world.Imports.Count == 0)
        {
            builder.Append("imports: none\n");
        }
        else
        {
            builder.Append("imports\n");
            var imports = new TextTable("module", "name", "core type");
            foreach (var import in world.Imports) imports.Add(import.Module ?? string.Empty, import.Name, AbiTextRenderer.CoreType(import.Params, import.Results));
            imports.WriteTo(builder, "  ");
        }

        builder.Append("\nexports\n");
        var exports = new TextTable("name", "core type");
        foreach (var export in world.Exports) exports.Add(export.Name, AbiTextRenderer.CoreType(export.Params, export.Results));
        exports.WriteTo(builder, "  ");

        var summary = world.Summary;
        builder.Append('\n').Append(AbiTextRenderer.Count(summary.Functions, "function"))
            .Append(" (").Append(AbiTextRenderer.Number(summary.Imported)).Append(" imported, ")
            .Append(AbiTextRenderer.Number(summary.Exported)).Append(" exported)\n");
        AbiTextRenderer.AppendLabels(builder, "  ", new List<(string, string)>
        {
            ("allocate per call (cabi_realloc)", AbiTextRenderer.Number(summary.AllocatePerCall)),
            ("spill parameters to memory", AbiTextRenderer.Number(summary.SpillParameters)),
            ("return through memory", AbiTextRenderer.Number(summary.ReturnThroughMemory)),
            ("need post-return", AbiTextRenderer.Number(summary.NeedPostReturn)),
        });
    }
}
