using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;

namespace Wit.Analyzers.Generation;

/// <summary>
/// The part of a world's bindings that goes through Wit.Hosting's engine contract: <c>Register</c> (defines every
/// imported function on an <c>IWitLinker</c> from the host's implementation), <c>Instantiate</c> (registers, then
/// instantiates) and the <c>{World}Exports</c> class (typed calls of the world's exported functions). The contract
/// carries primitives and strings so far (<see cref="ContractKind"/>): <c>Register</c> is generated only when every
/// imported function is made of them, and an exported function of other types is listed as not callable yet.
/// </summary>
internal static class ContractEmitter
{
    /// <summary>An imported function the host implements: its import instance (null: the world's own), the C# method.</summary>
    public sealed record ImportBinding(string? Instance, Function Function, string Method);

    /// <summary>The <c>WitValue</c> kind of <paramref name="type"/> (through aliases), or null when the contract cannot carry it yet.</summary>
    public static string? ContractKind(WitType type)
    {
        for (int i = 0; i < 1000; i++)
        {
            if (type.Definition is { } definition)
            {
                if (definition.Kind != TypeDefinitionKind.Alias || definition.Element is not { } target) return null;
                type = target;
                continue;
            }

            return type.Primitive switch
            {
                PrimitiveType.ErrorContext => null,
                PrimitiveType.String => "String",
                PrimitiveType.Bool => "Bool",
                PrimitiveType.Char => "Char",
                var p => p.ToString(),
            };
        }

        return null;
    }

    /// <summary>Whether every parameter and the result of <paramref name="function"/> go through the contract.</summary>
    public static bool IsCarried(Function function) =>
        !function.IsAsync && function.Kind == FunctionKind.Freestanding
        && function.Parameters.All(p => p.Type is { } t && ContractKind(t) is not null)
        && (function.Result is not { } r || ContractKind(r) is not null);

    /// <summary>Register and Instantiate, inside the world class; nothing when an import cannot be registered yet.</summary>
    public static void WriteRegistration(CodeWriter writer, string exportsClass, IReadOnlyList<string> hostInterfaces, IReadOnlyList<ImportBinding> imports, string? notRegistrable)
    {
        if (notRegistrable is not null)
        {
            writer.Line($"// Register and Instantiate are not generated yet: {notRegistrable}.");
            return;
        }

        string typeParameters = hostInterfaces.Count == 0 ? "" : "<THost>";
        string hostParameter = hostInterfaces.Count == 0 ? "" : ", THost host";
        string constraints = hostInterfaces.Count == 0 ? "" : " where THost : " + string.Join(", ", hostInterfaces.Select(i => "global::" + i));

        writer.Line();
        writer.Line("/// <summary>Defines every function the world imports on <paramref name=\"linker\"/>, each calling the host's implementation.</summary>");
        writer.Open($"public static void Register{typeParameters}(global::Wit.Hosting.IWitLinker linker{hostParameter}){constraints}");
        writer.Line("if (linker is null) throw new global::System.ArgumentNullException(nameof(linker));");
        if (hostInterfaces.Count > 0) writer.Line("if (host is null) throw new global::System.ArgumentNullException(nameof(host));");
        foreach (var import in imports)
        {
            var function = import.Function;
            string arguments = string.Join(", ", function.Parameters.Select((p, i) => $"arguments[{i}].As{ContractKind(p.Type!.Value)}()"));
            string call = $"host.{import.Method}({arguments})";
            string body = function.Result is { } result
                ? $"arguments => global::Wit.Hosting.WitValue.{ContractKind(result)}({call})"
                : $"arguments => {{ {call}; return null; }}";
            string instance = import.Instance is null ? "null" : CSharpNames.Literal(import.Instance);
            writer.Line($"linker.DefineFunction({instance}, {CSharpNames.Literal(function.Name)}, {body});");
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Registers the host's implementations on <paramref name=\"linker\"/>, instantiates the component and returns its exports.</summary>");
        writer.Open($"public static {exportsClass} Instantiate{typeParameters}(global::Wit.Hosting.IWitLinker linker{hostParameter}){constraints}");
        writer.Line(hostInterfaces.Count == 0 ? "Register(linker);" : "Register(linker, host);");
        writer.Line($"return new {exportsClass}(linker.Instantiate());");
        writer.Close();
    }

    /// <summary>The exports class: one method per exported world function the contract carries.</summary>
    public static void WriteExports(CodeWriter writer, TypeMapper types, string name, string worldName, IReadOnlyList<Function> exports)
    {
        var carried = exports.Where(IsCarried).ToList();
        var notYet = exports.Where(f => !IsCarried(f)).Select(f => f.Name).ToList();
        writer.Line("/// <summary>");
        writer.Line($"/// The functions world `{worldName}` exports, called on an instance of a component.");
        if (notYet.Count > 0) writer.Line($"/// Not callable through these bindings yet (their types): {string.Join(", ", notYet)}.");
        writer.Line("/// </summary>");
        writer.Open($"public sealed class {name} : global::System.IDisposable");
        writer.Line("private readonly global::Wit.Hosting.IWitInstance _instance;");
        writer.Line();
        writer.Line("/// <summary>The exports of <paramref name=\"instance\"/>, which this object disposes.</summary>");
        writer.Open($"public {name}(global::Wit.Hosting.IWitInstance instance)");
        writer.Line("_instance = instance ?? throw new global::System.ArgumentNullException(nameof(instance));");
        writer.Close();
        var taken = new List<string> { "Dispose", name };
        foreach (var function in carried)
        {
            string method = CSharpNames.Avoid(CSharpNames.Pascal(function.Name), taken);
            taken.Add(method);
            var parameters = function.Parameters.Select(p => (Type: p.Type!.Value, Name: CSharpNames.Camel(p.Name))).ToList();
            string parameterList = string.Join(", ", parameters.Select(p => $"{types.Map(p.Type)} {p.Name}"));
            string arguments = parameters.Count == 0
                ? "global::System.Array.Empty<global::Wit.Hosting.WitValue>()"
                : "new[] { " + string.Join(", ", parameters.Select(p => $"global::Wit.Hosting.WitValue.{ContractKind(p.Type)}({p.Name})")) + " }";
            string call = $"_instance.Call(null, {CSharpNames.Literal(function.Name)}, {arguments})";
            writer.Line();
            writer.Summary(function.Docs);
            if (function.Result is { } result)
            {
                string missing = $"(\"The component's `{function.Name}` returned no value.\")";
                writer.Line($"public {types.Map(result)} {method}({parameterList}) => ({call} ?? throw new global::System.InvalidOperationException{missing}).As{ContractKind(result)}();");
            }
            else
            {
                writer.Line($"public void {method}({parameterList}) => {call};");
            }
        }

        writer.Line();
        writer.Line("/// <summary>Disposes the instance.</summary>");
        writer.Line("public void Dispose() => _instance.Dispose();");
        writer.Close();
    }
}
