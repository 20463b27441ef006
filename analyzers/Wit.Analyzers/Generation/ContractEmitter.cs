using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;

namespace Wit.Analyzers.Generation;

/// <summary>
/// The part of a world's bindings that goes through Wit.Hosting's engine contract: <c>Register</c> (defines every
/// imported function on an <c>IWitLinker</c> from the host's implementation), <c>Instantiate</c> (registers, then
/// instantiates), the <c>{World}Exports</c> class (typed calls of the world's exported functions, and an object per
/// exported interface with its functions) and the marshalling class their conversions use (<see cref="Marshaller"/>).
/// <c>Register</c> is generated only when every imported function crosses the contract; an exported function that does
/// not is listed as not callable yet.
/// </summary>
internal sealed class ContractEmitter
{
    private const string MarshalClass = "Marshal";

    private readonly TypeMapper _types;
    private readonly Marshaller _marshaller;

    /// <param name="types">The world's type mapping.</param>
    /// <param name="worldClass">The fully qualified world class (<c>global::...</c>), which holds the marshalling class.</param>
    /// <param name="model">The model the world is part of.</param>
    /// <param name="hostResources">The resources the world imports, each with the name its handles carry.</param>
    public ContractEmitter(TypeMapper types, string worldClass, WitModel model, IReadOnlyDictionary<TypeDefinition, string> hostResources)
    {
        _types = types;
        _marshaller = new Marshaller(types, $"{worldClass}.{MarshalClass}", model, hostResources);
    }

    /// <summary>
    /// An imported function the host implements: its import instance (null: the world's own), the C# method (on the
    /// host, or for a resource method on the object its <c>self</c> argument is).
    /// </summary>
    public sealed record ImportBinding(string? Instance, Function Function, string Method);

    /// <summary>A resource the host implements: its import instance (null: the world's own) and WIT name.</summary>
    public sealed record ResourceBinding(string? Instance, string Name);

    /// <summary>An exported interface: its instance name (<c>ns:pkg/iface@v</c>, or the world's key), its C# property and class, its functions.</summary>
    public sealed record ExportedInterface(string Instance, string Property, string Class, string? Docs, IReadOnlyList<Function> Functions);

    /// <summary>Whether every parameter and the result of <paramref name="function"/> go through the contract.</summary>
    public bool IsCarried(Function function) =>
        !function.IsAsync
        && function.Parameters.All(p => p.Type is { } t && _marshaller.Carries(t))
        && (function.Result is not { } r || _marshaller.Carries(r));

    /// <summary>Register and Instantiate, inside the world class; nothing when an import cannot be registered yet.</summary>
    public void WriteRegistration(CodeWriter writer, string exportsClass, IReadOnlyList<string> hostInterfaces, IReadOnlyList<ResourceBinding> resources, IReadOnlyList<ImportBinding> imports, string? notRegistrable)
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
        foreach (var resource in resources)
        {
            writer.Line($"linker.DefineResource({(resource.Instance is null ? "null" : CSharpNames.Literal(resource.Instance))}, {CSharpNames.Literal(resource.Name)});");
        }

        foreach (var import in imports)
        {
            var function = import.Function;
            var lifted = function.Parameters.Select((p, i) => _marshaller.Lift(p.Type!.Value, $"arguments[{i}]")).ToList();
            // A method is called on its `self` (the first argument, a borrow of the host's object).
            string call = function.Kind == FunctionKind.Method
                ? $"{lifted[0]}.{import.Method}({string.Join(", ", lifted.Skip(1))})"
                : $"host.{import.Method}({string.Join(", ", lifted)})";
            string body = function.Result is not { } result ? $"arguments => {{ {call}; return null; }}"
                : result.Definition is null ? $"arguments => {_marshaller.Lower(result, call)}"
                : $"arguments => {{ var result = {call}; return {_marshaller.Lower(result, "result")}; }}";
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

    /// <summary>
    /// The exports class: one method per exported world function the contract carries, and one property per exported
    /// interface, whose class has a method per function the contract carries.
    /// </summary>
    public void WriteExports(CodeWriter writer, string name, string worldName, IReadOnlyList<Function> exports, IReadOnlyList<ExportedInterface> interfaces)
    {
        WriteClassSummary(writer, $"The functions world `{worldName}` exports, called on an instance of a component.", exports);
        writer.Open($"public sealed class {name} : global::System.IDisposable");
        writer.Line("private readonly global::Wit.Hosting.IWitInstance _instance;");
        writer.Line();
        writer.Line("/// <summary>The exports of <paramref name=\"instance\"/>, which this object disposes.</summary>");
        writer.Open($"public {name}(global::Wit.Hosting.IWitInstance instance)");
        writer.Line("_instance = instance ?? throw new global::System.ArgumentNullException(nameof(instance));");
        foreach (var exported in interfaces) writer.Line($"{exported.Property} = new {exported.Class}(_instance);");
        writer.Close();
        var taken = new List<string> { "Dispose", name };
        taken.AddRange(interfaces.Select(i => i.Property));
        taken.AddRange(interfaces.Select(i => i.Class));
        foreach (var exported in interfaces)
        {
            writer.Line();
            writer.Summary(exported.Docs ?? $"The functions of the exported interface `{exported.Instance}`.");
            writer.Line($"public {exported.Class} {exported.Property} {{ get; }}");
        }

        WriteCalls(writer, null, exports, taken);
        foreach (var exported in interfaces)
        {
            writer.Line();
            WriteClassSummary(writer, $"The functions of the exported interface `{exported.Instance}`.", exported.Functions);
            writer.Open($"public sealed class {exported.Class}");
            writer.Line("private readonly global::Wit.Hosting.IWitInstance _instance;");
            writer.Line();
            writer.Line($"internal {exported.Class}(global::Wit.Hosting.IWitInstance instance) => _instance = instance;");
            WriteCalls(writer, exported.Instance, exported.Functions, new List<string> { exported.Class });
            writer.Close();
        }

        writer.Line();
        writer.Line("/// <summary>Disposes the instance.</summary>");
        writer.Line("public void Dispose() => _instance.Dispose();");
        writer.Close();
    }

    /// <summary>A class's summary, with the functions of <paramref name="functions"/> it cannot call yet.</summary>
    private void WriteClassSummary(CodeWriter writer, string summary, IReadOnlyList<Function> functions)
    {
        var notYet = functions.Where(f => f.Kind != FunctionKind.Freestanding || !IsCarried(f)).Select(f => f.Name).ToList();
        writer.Line("/// <summary>");
        writer.Line("/// " + summary);
        if (notYet.Count > 0) writer.Line($"/// Not callable through these bindings yet (their types): {string.Join(", ", notYet)}.");
        writer.Line("/// </summary>");
    }

    /// <summary>A typed method per function of <paramref name="functions"/> that crosses the contract, calling it on <c>_instance</c>.</summary>
    private void WriteCalls(CodeWriter writer, string? instance, IReadOnlyList<Function> functions, List<string> taken)
    {
        foreach (var function in functions.Where(f => f.Kind == FunctionKind.Freestanding && IsCarried(f)))
        {
            string method = CSharpNames.Avoid(CSharpNames.Pascal(function.Name), taken);
            taken.Add(method);
            var parameters = function.Parameters.Select(p => (Type: p.Type!.Value, Name: CSharpNames.Camel(p.Name))).ToList();
            string parameterList = string.Join(", ", parameters.Select(p => $"{_types.Map(p.Type)} {p.Name}"));
            string arguments = parameters.Count == 0
                ? "global::System.Array.Empty<global::Wit.Hosting.WitValue>()"
                : "new global::Wit.Hosting.WitValue[] { " + string.Join(", ", parameters.Select(p => _marshaller.Lower(p.Type, p.Name))) + " }";
            string instanceText = instance is null ? "null" : CSharpNames.Literal(instance);
            string call = $"_instance.Call({instanceText}, {CSharpNames.Literal(function.Name)}, {arguments})";
            writer.Line();
            writer.Summary(function.Docs);
            if (function.Result is { } result)
            {
                string missing = $"(\"The component's `{function.Name}` returned no value.\")";
                writer.Line($"public {_types.Map(result)} {method}({parameterList}) => {_marshaller.Lift(result, $"({call} ?? throw new global::System.InvalidOperationException{missing})")};");
            }
            else
            {
                writer.Line($"public void {method}({parameterList}) => {call};");
            }
        }
    }

    /// <summary>The marshalling class (inside the world class), when any conversion needs a method; written after everything that converts.</summary>
    public void WriteMarshalling(CodeWriter writer)
    {
        if (!_marshaller.HasMethods) return;
        writer.Line();
        writer.Line("/// <summary>Conversions of the world's records, variants, enums and flags to and from <see cref=\"global::Wit.Hosting.WitValue\"/>, for the generated code.</summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Open($"internal static class {MarshalClass}");
        _marshaller.WriteMethods(writer);
        writer.Close();
    }
}
