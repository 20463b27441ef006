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
    /// <param name="componentResources">The resources of the interfaces the world exports (the component's), each with its generated class.</param>
    public ContractEmitter(TypeMapper types, string worldClass, WitModel model, IReadOnlyDictionary<TypeDefinition, string> hostResources, IReadOnlyDictionary<TypeDefinition, string> componentResources)
    {
        _types = types;
        _marshaller = new Marshaller(types, $"{worldClass}.{MarshalClass}", model, hostResources, componentResources);
    }

    /// <summary>
    /// An imported function the host implements: its import instance (null: the world's own), the C# method (on the
    /// host, or for a resource method on the object its <c>self</c> argument is), and the host interface that declares
    /// it (null for a resource method).
    /// </summary>
    public sealed record ImportBinding(string? Instance, Function Function, string Method, string? HostInterface = null);

    /// <summary>A resource the host implements: its import instance (null: the world's own) and WIT name.</summary>
    public sealed record ResourceBinding(string? Instance, string Name);

    /// <summary>An exported interface: its instance name (<c>ns:pkg/iface@v</c>, or the world's key), its C# property and class, its functions and the resources it defines.</summary>
    public sealed record ExportedInterface(string Instance, string Property, string Class, string? Docs, IReadOnlyList<Function> Functions, IReadOnlyList<ExportedResource> Resources);

    /// <summary>A resource the component implements: its definition and the class (nested in its interface's class) that wraps a handle.</summary>
    public sealed record ExportedResource(TypeDefinition Definition, string Class);

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

        // Two imported interfaces may have functions of the same name (`a` in both `i1` and `i2`): the host implements
        // both, so such a call names the interface it means.
        var shared = new HashSet<string>(imports.Where(i => i.HostInterface is not null).GroupBy(i => i.Method)
            .Where(g => g.Select(i => i.HostInterface).Distinct().Count() > 1).Select(g => g.Key));
        foreach (var import in imports)
        {
            var function = import.Function;
            var lifted = function.Parameters.Select((p, i) => _marshaller.Lift(p.Type!.Value, $"arguments[{i}]")).ToList();
            string target = shared.Contains(import.Method) ? $"((global::{import.HostInterface})host)" : "host";
            // A method is called on its `self` (the first argument, a borrow of the host's object).
            string call = function.Kind == FunctionKind.Method
                ? $"{lifted[0]}.{import.Method}({string.Join(", ", lifted.Skip(1))})"
                : $"{target}.{import.Method}({string.Join(", ", lifted)})";
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
            var classTaken = new List<string> { exported.Class };
            classTaken.AddRange(exported.Resources.Select(r => r.Class));
            WriteCalls(writer, exported.Instance, exported.Functions, classTaken);
            foreach (var resource in exported.Resources) WriteResource(writer, exported.Instance, resource, exported.Functions);
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
        var notYet = functions.Where(f => !IsCallable(f)).Select(f => f.Name).ToList();
        writer.Line("/// <summary>");
        writer.Line("/// " + summary);
        if (notYet.Count > 0) writer.Line($"/// Not callable through these bindings yet (their types): {string.Join(", ", notYet)}.");
        writer.Line("/// </summary>");
    }

    /// <summary>
    /// Whether the bindings call <paramref name="function"/>: a freestanding function, or a constructor, static function
    /// or method of a resource the component implements, whose types cross the contract.
    /// </summary>
    private bool IsCallable(Function function) =>
        IsCarried(function) && (function.Kind == FunctionKind.Freestanding || (function.Kind is FunctionKind.Constructor or FunctionKind.Static or FunctionKind.Method && function.Resource is { } r && _marshaller.IsComponentResource(r)));

    /// <summary>
    /// A typed method per freestanding function, constructor and static function of <paramref name="functions"/> that
    /// crosses the contract, calling it on <c>_instance</c> (a constructor is <c>CreateR</c>, a static function <c>RName</c>).
    /// </summary>
    private void WriteCalls(CodeWriter writer, string? instance, IReadOnlyList<Function> functions, List<string> taken)
    {
        foreach (var function in functions.Where(f => f.Kind != FunctionKind.Method && IsCallable(f)))
        {
            string method = CSharpNames.Avoid(WorldEmitter.MethodName(function), taken);
            taken.Add(method);
            writer.Line();
            writer.Summary(function.Docs);
            WriteCall(writer, "_instance", instance, function, method, function.Parameters, null);
        }
    }

    /// <summary>A public method <paramref name="method"/> calling <paramref name="function"/> with <paramref name="parameters"/> (and a lent <c>self</c> first when given).</summary>
    private void WriteCall(CodeWriter writer, string target, string? instance, Function function, string method, IEnumerable<NamedType> parameters, string? self)
    {
        var typed = parameters.Select(p => (Type: p.Type!.Value, Name: CSharpNames.Camel(p.Name))).ToList();
        string parameterList = string.Join(", ", typed.Select(p => $"{_types.Map(p.Type)} {p.Name}"));
        var lowered = typed.Select(p => _marshaller.Lower(p.Type, p.Name)).ToList();
        if (self is not null) lowered.Insert(0, self);
        string arguments = lowered.Count == 0
            ? "global::System.Array.Empty<global::Wit.Hosting.WitValue>()"
            : "new global::Wit.Hosting.WitValue[] { " + string.Join(", ", lowered) + " }";
        string instanceText = instance is null ? "null" : CSharpNames.Literal(instance);
        string call = $"{target}.Call({instanceText}, {CSharpNames.Literal(function.Name)}, {arguments})";
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

    /// <summary>
    /// The class of a resource the component implements: it wraps the engine's handle, implements the resource's C#
    /// interface by calling the component's methods on it (a method whose types the contract does not carry yet
    /// throws <c>NotSupportedException</c>), and drops the resource when disposed.
    /// </summary>
    private void WriteResource(CodeWriter writer, string instance, ExportedResource resource, IReadOnlyList<Function> functions)
    {
        var definition = resource.Definition;
        string name = resource.Class;
        string @interface = _types.Map(WitType.Of(definition))!;
        writer.Line();
        writer.Summary(definition.Docs ?? $"A `{definition.Name}` of the component's: its handle, which this object owns.");
        writer.Open($"public sealed class {name} : {@interface}");
        writer.Line($"internal {name}(global::Wit.Hosting.WitComponentResource handle) => Handle = handle;");
        writer.Line();
        writer.Line("/// <summary>The engine's handle of the resource, which this object owns (spent once it is moved into the component).</summary>");
        writer.Line("public global::Wit.Hosting.WitComponentResource Handle { get; }");
        writer.Line();
        writer.Line($"/// <summary>The handle of <paramref name=\"value\"/>, which must be a `{definition.Name}` the component made.</summary>");
        writer.Open($"internal static global::Wit.Hosting.WitComponentResource HandleOf({@interface}? value) => value switch");
        writer.Line($"{name} resource => resource.Handle,");
        writer.Line("null => throw new global::System.ArgumentNullException(nameof(value), \"A WIT resource handle cannot be null.\"),");
        writer.Line($"_ => throw new global::System.ArgumentException(\"Only a `{definition.Name}` the component made can be passed to it.\", nameof(value)),");
        writer.Close(";");
        var taken = new List<string> { name, "Handle", "HandleOf", "Dispose" };
        foreach (var method in functions.Where(f => f.Kind == FunctionKind.Method && ReferenceEquals(f.Resource, definition)))
        {
            // The C# interface declares the methods the bindings can express; each must be implemented.
            if (method.IsAsync || method.Parameters.Any(p => p.Type is not { } t || _types.WhyUnsupported(t) is not null)
                || (method.Result is { } r && _types.WhyUnsupported(r) is not null)) continue;
            string methodName = WorldEmitter.MethodName(method);
            writer.Line();
            writer.Summary(method.Docs);
            if (IsCarried(method))
            {
                WriteCall(writer, "Handle.Instance", instance, method, methodName, method.Parameters.Skip(1), "global::Wit.Hosting.WitValue.Borrow(Handle)");
                continue;
            }

            string parameterList = string.Join(", ", method.Parameters.Skip(1).Select(p => $"{_types.Map(p.Type!.Value)} {CSharpNames.Camel(p.Name)}"));
            string result = method.Result is { } resultType ? _types.Map(resultType)! : "void";
            writer.Line($"public {result} {methodName}({parameterList}) => throw new global::System.NotSupportedException(\"The types of `{instance}#{method.Name}` are not carried by the engine contract yet.\");");
        }

        writer.Line();
        writer.Line("/// <summary>Drops the resource: the component's destructor runs.</summary>");
        writer.Line("public void Dispose() => Handle.Dispose();");
        writer.Close();
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
