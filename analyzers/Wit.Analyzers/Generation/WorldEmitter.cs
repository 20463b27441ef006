using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;

namespace Wit.Analyzers.Generation;

/// <summary>
/// Writes the C# bindings of one world: a file of types per interface (or world) that declares WIT types the world
/// needs, a host interface per imported interface with functions (and one for the world's own function imports), and
/// the world class that lists them. File names depend only on the interface, and a file's text only on the interface,
/// so two worlds sharing an interface produce the same file (the generator adds it once).
/// </summary>
internal sealed class WorldEmitter
{
    private readonly World _world;
    private readonly WitNamespaces _namespaces;
    private readonly TypeMapper _types;
    private readonly List<GeneratedSource> _sources = new();
    private readonly List<GeneratorProblem> _problems = new();
    private readonly List<ContractEmitter.ImportBinding> _imports = new();
    private readonly List<ContractEmitter.ExportedInterface> _exportedInterfaces = new();
    private readonly ContractEmitter _contract;
    private string? _notRegistrable;

    private WorldEmitter(WitModel model, World world)
    {
        _world = world;
        _namespaces = new WitNamespaces(model, world);
        _types = new TypeMapper(_namespaces, model);

        // The resources the world imports are the host's: their handles carry the import's instance and name.
        var hostResources = new Dictionary<TypeDefinition, string>();
        foreach (var pair in world.Imports)
        {
            string? instance = pair.Value.Interface is { } imported ? imported.QualifiedName ?? pair.Key.Name : null;
            var definitions = pair.Value.Interface is { } withTypes ? withTypes.Types.Values : pair.Value.Type is { } type ? new[] { type } : Enumerable.Empty<TypeDefinition>();
            foreach (var definition in definitions.Where(d => d.Kind == TypeDefinitionKind.Resource && d.Name is not null))
            {
                if (hostResources.ContainsKey(definition)) continue;
                hostResources[definition] = instance is null ? definition.Name! : $"{instance}#{definition.Name}";
                _resources.Add(new ContractEmitter.ResourceBinding(instance, definition.Name!));
            }
        }

        // The resources of the interfaces the world exports are the component's: a class nested in the exported
        // interface's class of the exports wraps each handle (and implements the resource's C# interface).
        var componentResources = new Dictionary<TypeDefinition, string>();
        var exportNames = new List<string>();
        string exportsClass = $"global::{_namespaces.Of(world)}.{CSharpNames.Pascal(world.Name)}Exports";
        foreach (var pair in world.Exports)
        {
            if (pair.Value.Interface is not { } @interface) continue;
            string property = CSharpNames.Avoid(CSharpNames.Pascal(@interface.Name ?? pair.Key.Name ?? "exports"), exportNames);
            exportNames.Add(property);
            var resources = new List<ContractEmitter.ExportedResource>();
            foreach (var definition in @interface.Types.Values.Where(d => d.Kind == TypeDefinitionKind.Resource && d.Name is not null && !hostResources.ContainsKey(d)))
            {
                // Kept clear of the members every wrapper has, and of its interface's class.
                var resource = new ContractEmitter.ExportedResource(definition, CSharpNames.Avoid(CSharpNames.Pascal(definition.Name!), new[] { "Handle", "HandleOf", "Dispose", property + "Exports" }));
                if (componentResources.ContainsKey(definition)) continue;
                componentResources[definition] = $"{exportsClass}.{property}Exports.{resource.Class}";
                resources.Add(resource);
            }

            var functions = @interface.Functions.Values.ToList();
            _exportedInterfaces.Add(new ContractEmitter.ExportedInterface(@interface.QualifiedName ?? pair.Key.Name ?? property, property, property + "Exports", @interface.Docs, functions, resources));
        }

        _contract = new ContractEmitter(_types, $"global::{_namespaces.Of(world)}.{WorldClass}", model, hostResources, componentResources);
    }

    private readonly List<ContractEmitter.ResourceBinding> _resources = new();

    private string WorldClass => CSharpNames.Pascal(_world.Name) + "World";

    /// <summary>The files and the problems (WITH0004) of <paramref name="world"/>'s bindings.</summary>
    public static (List<GeneratedSource> Sources, List<GeneratorProblem> Problems) Emit(WitModel model, World world)
    {
        var emitter = new WorldEmitter(model, world);
        emitter.Run();
        return (emitter._sources, emitter._problems);
    }

    private string WorldName => PackageLookup.QualifiedName(_world);

    private void Run()
    {
        var owners = new List<object>();
        var hostInterfaces = new List<string>();
        var worldFunctions = new List<Function>();
        foreach (var pair in _world.Imports)
        {
            if (pair.Value.Interface is { } @interface)
            {
                owners.Add(@interface);
                if (EmitHostInterface(@interface, pair.Key.Name) is { } name) hostInterfaces.Add(name);
            }
            else if (pair.Value.Function is { Kind: FunctionKind.Freestanding or FunctionKind.AsyncFreestanding } function) worldFunctions.Add(function);
            else if (pair.Value.Type is not null && !owners.Contains(_world)) owners.Add(_world);
        }

        foreach (var pair in _world.Exports)
        {
            if (pair.Value.Interface is { } @interface) owners.Add(@interface);
        }

        var worldResourceFunctions = _world.Imports.Select(p => p.Value.Function).Where(f => f is { Resource: not null }).Select(f => f!).ToList();
        if (EmitWorldImports(worldFunctions.Concat(worldResourceFunctions.Where(f => f.Kind != FunctionKind.Method && f.Kind != FunctionKind.AsyncMethod)).ToList()) is { } worldImports)
        {
            hostInterfaces.Add(worldImports);
        }

        BindMethods(null, worldResourceFunctions);
        EmitTypes(owners, worldResourceFunctions);
        EmitWorldClass(hostInterfaces);
    }

    /// <summary>The host interface of an imported interface; null when it has no function to implement.</summary>
    private string? EmitHostInterface(Interface @interface, string? key)
    {
        var functions = @interface.Functions.Values.Where(f => f.Kind != FunctionKind.Method && f.Kind != FunctionKind.AsyncMethod).ToList();
        string ns = _namespaces.Of(@interface);
        string name = "I" + CSharpNames.Pascal(@interface.Name ?? key ?? "imports");
        string witName = @interface.QualifiedName ?? key ?? name;
        BindMethods(witName, @interface.Functions.Values);
        return EmitHostInterface(ns, name, witName, @interface.Docs, functions, ns + "." + name);
    }

    /// <summary>Registers the resource methods among <paramref name="functions"/> (they are called on their <c>self</c>).</summary>
    private void BindMethods(string? instance, IEnumerable<Function> functions)
    {
        foreach (var method in functions.Where(f => f.Kind is FunctionKind.Method or FunctionKind.AsyncMethod))
        {
            if (_contract.IsCarried(method)) _imports.Add(new ContractEmitter.ImportBinding(instance, method, MethodName(method)));
            else _notRegistrable ??= $"the types of `{instance ?? WorldName}#{method.Name}` are not carried by the engine contract yet";
        }
    }

    private string? EmitWorldImports(List<Function> functions)
    {
        string ns = _namespaces.Of(_world);
        string name = "I" + CSharpNames.Pascal(_world.Name) + "Imports";
        return EmitHostInterface(ns, name, null, $"The functions world `{WorldName}` imports itself.", functions, ns + "." + name);
    }

    /// <summary>The host interface <paramref name="name"/> of the import <paramref name="instance"/> (null: the world's own functions).</summary>
    private string? EmitHostInterface(string ns, string name, string? instance, string? docs, List<Function> functions, string fullName)
    {
        string witName = instance ?? WorldName;
        var writer = CodeWriter.File();
        writer.Open($"namespace {ns}");
        writer.Summary(docs);
        writer.Line($"[global::Wit.Hosting.WitImport({CSharpNames.Literal(witName)})]");
        writer.Open($"public interface {name}");
        int members = 0;
        foreach (var function in functions)
        {
            if (Signature(function, witName) is not { } signature)
            {
                _notRegistrable ??= $"`{witName}#{function.Name}` has no C# binding yet";
                continue;
            }

            if (_contract.IsCarried(function)) _imports.Add(new ContractEmitter.ImportBinding(instance, function, MethodName(function), fullName));
            else _notRegistrable ??= $"the types of `{witName}#{function.Name}` are not carried by the engine contract yet";
            if (members++ > 0) writer.Line();
            writer.Summary(function.Docs);
            writer.Line(signature + ";");
        }

        writer.Close();
        writer.Close();
        if (members == 0) return null;
        _sources.Add(new GeneratedSource($"{fullName}.g.cs", writer.ToString()));
        return fullName;
    }

    /// <summary>
    /// The C# signature of <paramref name="function"/>: a freestanding function by its name, a constructor as
    /// <c>CreateR</c>, a static function as <c>RName</c>, a method by its name (on the resource's interface, without
    /// <c>self</c>). Null, with a WITH0004 problem, when the bindings cannot express it yet.
    /// </summary>
    private string? Signature(Function function, string container)
    {
        string witName = $"{container}#{function.Name}";
        if (function.IsAsync)
        {
            Report(function.Location, "function", witName, "async functions are not supported yet");
            return null;
        }

        var parameters = function.Kind == FunctionKind.Method ? function.Parameters.Skip(1) : function.Parameters;
        var texts = new List<string>();
        foreach (var parameter in parameters)
        {
            if (parameter.Type is not { } type) return null;
            if (_types.WhyUnsupported(type) is { } why)
            {
                Report(function.Location, "function", witName, $"parameter `{parameter.Name}`: {why}");
                return null;
            }

            texts.Add($"{_types.Map(type)} {CSharpNames.Camel(parameter.Name)}");
        }

        string result = "void";
        if (function.Result is { } resultType)
        {
            if (_types.WhyUnsupported(resultType) is { } why)
            {
                Report(function.Location, "function", witName, $"result: {why}");
                return null;
            }

            result = _types.Map(resultType)!;
        }

        return $"{result} {MethodName(function)}({string.Join(", ", texts)})";
    }

    /// <summary>The C# method of <paramref name="function"/>: <c>CreateR</c> for a constructor, <c>RName</c> for a static function, else its name.</summary>
    internal static string MethodName(Function function)
    {
        string resource = function.Resource is { Name: { } r } ? CSharpNames.Pascal(r) : "";
        return function.Kind switch
        {
            FunctionKind.Constructor => "Create" + resource,
            FunctionKind.Static => resource + CSharpNames.Pascal(function.ItemName),
            FunctionKind.Method => CSharpNames.Avoid(CSharpNames.Pascal(function.ItemName), new[] { "Dispose" }),
            _ => CSharpNames.Pascal(function.ItemName),
        };
    }

    private void EmitTypes(List<object> owners, List<Function> worldResourceFunctions)
    {
        var done = new HashSet<object>();
        for (int i = 0; i < owners.Count; i++)
        {
            var owner = owners[i];
            if (!done.Add(owner)) continue;
            var writer = CodeWriter.File();
            string ns = owner is Interface i1 ? _namespaces.Of(i1) : _namespaces.Of((World)owner);
            var definitions = owner is Interface @interface
                ? @interface.Types.Values.ToList()
                : _world.Imports.Select(p => p.Value.Type).Where(t => t is not null).Select(t => t!).ToList();
            var functions = owner is Interface withFunctions ? withFunctions.Functions.Values.ToList() : worldResourceFunctions;
            string container = owner is Interface named ? named.QualifiedName ?? ns : WorldName;

            writer.Open($"namespace {ns}");
            int declared = 0;
            foreach (var definition in definitions.Where(d => TypeMapper.IsDeclared(d) && ReferenceEquals(OwnerOf(d), owner)))
            {
                if (_types.WhyUnsupported(WitType.Of(definition)) is { } why)
                {
                    Report(definition.Location, "type", $"{container}#{definition.Name}", why);
                    continue;
                }

                if (declared++ > 0) writer.Line();
                Declare(writer, definition, functions, container);
            }

            writer.Close();

            // Mapping these types met others, perhaps of other interfaces: declare those interfaces' types too.
            foreach (var referenced in _types.Referenced.ToList())
            {
                if (OwnerOf(referenced) is { } other && !owners.Contains(other)) owners.Add(other);
            }

            if (declared > 0) _sources.Add(new GeneratedSource($"{ns}.Types.g.cs", writer.ToString()));
        }
    }

    private static object? OwnerOf(TypeDefinition definition) => (object?)definition.Owner.Interface ?? definition.Owner.World;

    private void Declare(CodeWriter writer, TypeDefinition definition, List<Function> functions, string container)
    {
        string name = _types.DeclaredName(definition);
        switch (definition.Kind)
        {
            case TypeDefinitionKind.Record:
                writer.Summary(definition.Docs);
                var fields = definition.Members.Select((m, i) => (Member: m, Name: TypeMapper.FieldName(definition, i))).ToList();
                foreach (var field in fields) writer.Param(field.Name, field.Member.Docs);
                writer.Line(fields.Count == 0
                    ? $"public sealed record {name};"
                    : $"public sealed record {name}({string.Join(", ", fields.Select(f => $"{_types.Map(f.Member.Type!.Value)} {f.Name}"))});");
                break;
            case TypeDefinitionKind.Enum:
                writer.Summary(definition.Docs);
                writer.Open($"public enum {name}");
                foreach (var member in definition.Members)
                {
                    writer.Summary(member.Docs);
                    writer.Line(CSharpNames.Pascal(member.Name) + ",");
                }

                writer.Close();
                break;
            case TypeDefinitionKind.Flags:
                int count = definition.Members.Count;
                string underlying = count <= 8 ? "byte" : count <= 16 ? "ushort" : count <= 32 ? "uint" : "ulong";
                writer.Summary(definition.Docs);
                writer.Line("[global::System.Flags]");
                writer.Open($"public enum {name} : {underlying}");
                for (int i = 0; i < count; i++)
                {
                    writer.Summary(definition.Members[i].Docs);
                    writer.Line($"{CSharpNames.Pascal(definition.Members[i].Name)} = 0x{1UL << i:X}{(count > 32 ? "UL" : "")},");
                }

                writer.Close();
                break;
            case TypeDefinitionKind.Variant:
                writer.Summary(definition.Docs);
                writer.Open($"public abstract record {name}");
                writer.Line($"private {name}()").Line("{").Line("}");
                for (int i = 0; i < definition.Members.Count; i++)
                {
                    var member = definition.Members[i];
                    writer.Line();
                    string caseName = TypeMapper.CaseName(definition, i);
                    writer.Summary(member.Docs);
                    writer.Line(member.Type is { } payload
                        ? $"public sealed record {caseName}({_types.Map(payload)} Value) : {name};"
                        : $"public sealed record {caseName} : {name};");
                }

                writer.Close();
                break;
            case TypeDefinitionKind.Resource:
                writer.Summary(definition.Docs);
                writer.Open($"public interface {name} : global::System.IDisposable");
                int members = 0;
                foreach (var method in functions.Where(f => f.Kind is FunctionKind.Method or FunctionKind.AsyncMethod && ReferenceEquals(f.Resource, definition)))
                {
                    if (Signature(method, container) is not { } signature) continue;
                    if (members++ > 0) writer.Line();
                    writer.Summary(method.Docs);
                    writer.Line(signature + ";");
                }

                writer.Close();
                break;
        }
    }

    private void EmitWorldClass(List<string> hostInterfaces)
    {
        var writer = CodeWriter.File();
        string ns = _namespaces.Of(_world);
        string name = WorldClass;
        string exports = CSharpNames.Pascal(_world.Name) + "Exports";

        // The registration and the exports come first: what they convert decides the marshalling class's methods.
        var registration = new CodeWriter(2);
        _contract.WriteRegistration(registration, exports, hostInterfaces, _resources, _imports, _notRegistrable);
        var exportsClass = new CodeWriter(1);
        var exported = _world.Exports.Select(p => p.Value.Function).Where(f => f is not null).Select(f => f!).ToList();
        _contract.WriteExports(exportsClass, exports, WorldName, exported, _exportedInterfaces);
        var marshalling = new CodeWriter(2);
        _contract.WriteMarshalling(marshalling);

        writer.Open($"namespace {ns}");
        writer.Summary(_world.Docs ?? $"The world `{WorldName}`.");
        var arguments = new[] { CSharpNames.Literal(WorldName) }.Concat(hostInterfaces.Select(i => $"typeof(global::{i})"));
        writer.Line($"[global::Wit.Hosting.WitWorld({string.Join(", ", arguments)})]");
        writer.Open($"public static class {name}");
        writer.Line("/// <summary>The world's qualified WIT name.</summary>");
        writer.Line($"public const string Name = {CSharpNames.Literal(WorldName)};");
        writer.Append(registration).Append(marshalling);
        writer.Close();
        writer.Line();
        writer.Append(exportsClass);
        writer.Close();
        _sources.Add(new GeneratedSource($"{ns}.{name}.g.cs", writer.ToString()));
    }

    private void Report(SourceLocation? location, string kind, string name, string reason) =>
        _problems.Add(GeneratorProblem.At("WITH0004", location?.Path, location?.Document, location?.Span.Start ?? 0, location?.Span.Length ?? 0, kind, name, reason));
}
