using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Core.Abi;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// Writes the WITX text of one derivation. Functions: every WIT function becomes an <c>@interface func</c> whose
/// witx-ABI core signature is the Canonical ABI's for the WIT function. Each parameter that flattens to one core value
/// (or to a pointer and a length: strings, lists) keeps its WIT type; records, tuples and variants are flattened into
/// one parameter per core value, as the Canonical ABI flattens them; more than 16 core parameters become one pointer to
/// a record of the parameters. A result of one core value is a WITX result; a larger result is written to memory, at a
/// pointer the caller passes as the last parameter (imports, <c>canon lower</c>) or the callee returns (exports,
/// <c>canon lift</c>).
/// </summary>
internal sealed partial class WitxDerivationWriter
{
    private readonly CanonicalAbi _abi = new(memory64: false);
    private readonly IReadOnlyDictionary<TypeDefinition, string> _layoutNotes;
    private readonly Dictionary<TypeDefinition, string> _names = new();
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly StringBuilder _moduleText = new();
    private SourceLocation? _currentLocation;
    private bool _failed;

    public WitxDerivationWriter(IReadOnlyDictionary<TypeDefinition, string> layoutNotes)
    {
        _layoutNotes = layoutNotes;
    }

    public List<Diagnostic> Diagnostics { get; } = new();

    public List<WitxDerivedFunction> Functions { get; } = new();

    /// <summary>The document for one interface, its functions imported (<c>canon lower</c>).</summary>
    public string WriteInterface(Interface @interface)
    {
        string module = Unique(Ident(@interface.QualifiedName ?? @interface.Name ?? "interface"));
        ReserveNames(@interface.Types.Values);
        foreach (var definition in @interface.Types.Values) Require(definition);
        WriteModule(module, @interface, null, AbiVariant.SyncLower);
        return Compose($"the WIT interface `{@interface}`", "Its functions are imports: each signature is the Canonical ABI's `canon lower`.");
    }

    /// <summary>
    /// The document for a world: a module per imported interface, <c>$root</c> for imported functions, and
    /// <c>$exports</c> for everything exported, named as the component's core exports are (<c>iface#func</c>).
    /// </summary>
    public string WriteWorld(World world)
    {
        var imports = new List<(string Module, Interface Interface)>();
        foreach (var entry in world.Imports)
        {
            if (entry.Value.Interface is { } @interface) imports.Add((Unique(Ident(entry.Key.Name ?? @interface.QualifiedName ?? "interface")), @interface));
        }

        var importedFunctions = world.Imports.Where(e => e.Value.Function is not null).Select(e => e.Value.Function!).ToList();
        string? root = importedFunctions.Count > 0 ? Unique("root") : null;
        string? exports = world.Exports.Count > 0 ? Unique("exports") : null;
        ReserveNames(world.Imports.Select(e => e.Value.Type).OfType<TypeDefinition>());
        foreach (var entry in world.Imports.Concat(world.Exports))
        {
            if (entry.Value.Interface is { } @interface) ReserveNames(@interface.Types.Values);
        }

        foreach (var entry in world.Imports.Concat(world.Exports))
        {
            if (entry.Value.Type is { } type) Require(type);
            if (entry.Value.Interface is { } @interface)
            {
                foreach (var definition in @interface.Types.Values) Require(definition);
            }
        }

        foreach (var (module, @interface) in imports) WriteModule(module, @interface, null, AbiVariant.SyncLower);
        if (root is not null) WriteModule(root, null, importedFunctions.Select(f => (f, f.Name)), AbiVariant.SyncLower);
        if (exports is not null)
        {
            var exported = new List<(Function, string)>();
            foreach (var entry in world.Exports)
            {
                if (entry.Value.Function is { } function) exported.Add((function, function.Name));
                if (entry.Value.Interface is not { } @interface) continue;
                string prefix = entry.Key.Name ?? @interface.QualifiedName ?? "interface";
                foreach (var member in @interface.Functions.Values) exported.Add((member, prefix + "#" + member.Name));
            }

            WriteModule(exports, null, exported, AbiVariant.SyncLift);
        }

        return Compose($"the WIT world `{world}`",
            "Imported functions follow the Canonical ABI's `canon lower`; the functions of `$exports` (the component's core exports) follow `canon lift`.");
    }

    private string Compose(string source, string direction)
    {
        var text = new StringBuilder();
        text.Append(";; Derived from ").Append(source).Append(".\n");
        text.Append(";; ").Append(direction).Append('\n');
        text.Append(";; Under the witx ABI: strings and lists pass as a pointer and a length; records, tuples and variants are flattened into\n");
        text.Append(";; one parameter per core value (a variant as its discriminant and joined payload slots); more than 16 core parameters\n");
        text.Append(";; pass through a pointer to a record of them; a result of more than one core value is written through a pointer.\n");
        text.Append(";; Memory behind pointers is laid out by the Canonical ABI; lists and strings the callee returns are allocated with\n");
        text.Append(";; `cabi_realloc`, which WITX cannot express.\n\n");
        text.Append(_helperText);
        text.Append(_typeText);
        if (_typeText.Length > 0) text.Append('\n');
        text.Append(_moduleText);
        return text.ToString();
    }

    private void ReserveNames(IEnumerable<TypeDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            if (IsNamed(definition)) NameOf(Canonical(definition));
        }
    }

    /// <summary>
    /// The WITX name of a named definition: its WIT name when free (kebab-case names are valid WITX identifiers),
    /// else qualified by its interface, else numbered.
    /// </summary>
    internal string NameOf(TypeDefinition definition)
    {
        if (_names.TryGetValue(definition, out string? name)) return name;
        string plain = Ident(definition.Name ?? "type");
        string owner = definition.Owner.Interface?.Name ?? definition.Owner.World?.Name ?? "world";
        name = Unique(_taken.Contains(plain) ? Ident(owner + "." + definition.Name) : plain);
        _names[definition] = name;
        return name;
    }

    private string Unique(string candidate)
    {
        string name = candidate;
        for (int i = 2; !_taken.Add(name); i++) name = candidate + "-" + i;
        return name;
    }

    /// <summary>Characters outside WITX identifiers (only possible in hand-made models) become underscores.</summary>
    private static string Ident(string name)
    {
        if (WitxNames.IsValidIdentifier(name)) return name;
        var builder = new StringBuilder(name.Length);
        foreach (char c in name) builder.Append(WitxLexer.IsIdChar(c) ? c : '_');
        return builder.Length == 0 ? "_" : builder.ToString();
    }

    private void WriteModule(string name, Interface? @interface, IEnumerable<(Function Function, string ExportName)>? functions, AbiVariant variant)
    {
        var text = _moduleText;
        if (text.Length > 0) text.Append('\n');
        if (@interface is not null) WriteDocs(text, "", @interface.Docs);
        text.Append("(module $").Append(name).Append('\n');
        text.Append("  (import \"memory\" (memory))\n");
        var list = functions?.ToList() ?? @interface!.Functions.Values.Select(f => (f, f.Name)).ToList();
        foreach (var (function, exportName) in list) WriteFunction(name, function, exportName, variant);
        if (@interface is not null && variant == AbiVariant.SyncLower)
        {
            // An imported resource comes with its destructor, `[resource-drop]r`, imported from the same module.
            foreach (var definition in @interface.Types.Values)
            {
                if (definition.Kind != TypeDefinitionKind.Resource || Canonical(definition) != definition) continue;
                text.Append("  ;; The Canonical ABI's destructor of the resource, imported with its functions.\n");
                text.Append("  (@interface func (export \"[resource-drop]").Append(definition.Name).Append("\")\n");
                text.Append("    (param $self ").Append(Expr(WitType.Of(definition))).Append(")\n  )\n");
            }
        }

        text.Append(")\n");
    }

    private void WriteFunction(string module, Function function, string exportName, AbiVariant variant)
    {
        _currentLocation = function.Location;
        var canonical = _abi.Signature(function, variant);
        Functions.Add(new WitxDerivedFunction(function, module, exportName, variant, canonical));
        var text = _moduleText;
        if (canonical is null)
        {
            Report(WitxDiagnostics.NoCanonicalSignature(function.Name), function.Location);
            text.Append("  ;; `").Append(function.Name).Append("` is left out: a parameter or result type has no Canonical ABI layout.\n");
            return;
        }

        if (function.IsAsync)
        {
            Report(WitxDiagnostics.AsyncFunction(function.Name), function.Location);
        }

        _failed = false;
        var lines = new List<string>();
        if (function.IsAsync) lines.Add(";; async in WIT: WITX has no async ABI, so this is the synchronous signature.");
        var taken = new HashSet<string>(function.Parameters.Select(p => Ident(p.Name)), StringComparer.Ordinal);
        if (canonical.ParametersSpilled)
        {
            string record = SpilledParameters(function);
            lines.Add($";; {Count(canonical.FlatParameterCount)} core parameters are more than the Canonical ABI's 16: they are passed in memory, as `${record}`.");
            lines.Add($"(param ${Fresh("params", taken)} (@witx const_pointer ${record}))");
        }
        else
        {
            foreach (var parameter in function.Parameters) Flatten(Ident(parameter.Name), parameter.Type, lines);
        }

        if (function.Result is { } result && canonical.ResultsThroughMemory)
        {
            string pointee = Expr(result);
            string ret = Fresh("ret", taken);
            if (variant == AbiVariant.SyncLift)
            {
                lines.Add($";; The result ({Count(canonical.FlatResultCount)} core values) is in memory: the callee returns a pointer to it.");
                lines.Add($"(result ${ret} (@witx pointer {pointee}))");
            }
            else
            {
                lines.Add($";; The result ({Count(canonical.FlatResultCount)} core values) goes to memory: the callee writes it where this points.");
                lines.Add($"(param ${ret} (@witx pointer {pointee}))");
            }
        }
        else if (function.Result is { } single && canonical.FlatResultCount == 1)
        {
            string type = ScalarResult(single, canonical.Results[0], out string? note);
            if (note is not null) lines.Add(";; " + note);
            lines.Add($"(result ${Fresh("ret", taken)} {type})");
        }

        if (_failed)
        {
            Report(WitxDiagnostics.NoWitxForm(function.Name), function.Location);
        }

        WriteDocs(text, "  ", function.Docs);
        text.Append("  (@interface func (export \"").Append(Escape(exportName)).Append("\")\n");
        foreach (string line in lines) text.Append("    ").Append(line).Append('\n');
        text.Append("  )\n");
    }

    private static string Fresh(string preferred, HashSet<string> taken)
    {
        string name = preferred;
        for (int i = 2; !taken.Add(name); i++) name = preferred + i;
        return name;
    }

    /// <summary>A typename for the record of spilled parameters, laid out as the Canonical ABI stores them.</summary>
    private string SpilledParameters(Function function)
    {
        var fields = function.Parameters.Select(p => (Name: Ident(p.Name), Type: Expr(p.Type))).ToList();
        string name = Unique(Ident((function.Resource?.Name is { } resource ? resource + "." + function.ItemName : function.ItemName) + ".params"));
        var text = _typeText;
        if (text.Length > 0) text.Append('\n');
        text.Append(";; The parameters of `").Append(function.Name).Append("`, as the Canonical ABI passes them in memory.\n");
        text.Append("(typename $").Append(name).Append("\n  (record\n");
        foreach (var (fieldName, type) in fields) text.Append("    (field $").Append(fieldName).Append(' ').Append(type).Append(")\n");
        text.Append("  )\n)\n");
        return name;
    }

    /// <summary>
    /// One parameter, as parameters whose witx lowering gives exactly the Canonical ABI's flattening: a type that
    /// lowers to its flat values keeps its WIT type; records and tuples open into their fields (named
    /// <c>param.field</c>); variants become their discriminant and payload slots. Records nest through names, so the
    /// walk uses an explicit stack.
    /// </summary>
    private void Flatten(string name, WitType? type, List<string> lines)
    {
        var stack = new Stack<(string Name, WitType? Type)>();
        stack.Push((name, type));
        while (stack.Count > 0)
        {
            var (current, currentType) = stack.Pop();
            var target = Target(currentType);
            var definition = target?.Definition;
            switch (definition?.Kind)
            {
                case TypeDefinitionKind.Record:
                    for (int i = definition.Members.Count - 1; i >= 0; i--) stack.Push((current + "." + Ident(definition.Members[i].Name), definition.Members[i].Type));
                    break;
                case TypeDefinitionKind.Tuple:
                    for (int i = definition.Elements.Count - 1; i >= 0; i--) stack.Push((current + "." + Count(i), definition.Elements[i]));
                    break;
                case TypeDefinitionKind.FixedSizeList:
                    for (long i = definition.FixedLength - 1; i >= 0; i--) stack.Push((current + "." + Count(i), definition.Element));
                    break;
                case TypeDefinitionKind.Variant when definition.Members.Any(m => m.Type is not null):
                case TypeDefinitionKind.Option:
                case TypeDefinitionKind.Result:
                    var flat = _abi.Flatten(target!.Value)?.Values;
                    if (flat is null)
                    {
                        lines.Add($"(param ${current} {Failed("a variant without a flattening")})");
                        break;
                    }

                    lines.Add($";; `{current}` ({TypeText(currentType)}) flattened: its discriminant, then its payload slots joined over the cases.");
                    lines.Add($"(param ${current}.tag u32)");
                    for (int i = 1; i < flat.Count; i++) lines.Add($"(param ${current}.payload{Count(i - 1)} {CoreBuiltin(flat[i])})");
                    break;
                default:
                    lines.Add($"(param ${current} {Expr(currentType)})");
                    break;
            }
        }
    }

    /// <summary>The structure behind a type: aliases (<c>type a = b</c>, <c>use</c>) followed to what they name.</summary>
    private static WitType? Target(WitType? type)
    {
        var current = type;
        for (int guard = 0; guard < 100_000 && current?.Definition is { Kind: TypeDefinitionKind.Alias, Element: { } element }; guard++) current = element;
        return current;
    }

    private static string TypeText(WitType? type) => type?.Definition is { Name: { } name } ? "`" + name + "`" : type?.ToString() ?? "type";

    /// <summary>
    /// The WITX result type for a WIT result of one core value. The witx ABI allows only integers, floats, handles,
    /// pointers and flags as results, so a <c>bool</c>, an enum or a one-value record is returned as the integer it
    /// flattens to, with a note.
    /// </summary>
    private string ScalarResult(WitType result, CoreValueType core, out string? note)
    {
        note = null;
        var target = Target(result);
        if (target is { Definition: null } primitive)
        {
            if (primitive.Primitive != PrimitiveType.Bool) return Expr(result);
            note = "WIT bool, as a byte (0 or 1): the witx ABI returns no enums.";
            return "u8";
        }

        var definition = target?.Definition;
        switch (definition?.Kind)
        {
            case TypeDefinitionKind.Handle:
            case TypeDefinitionKind.Resource:
            case TypeDefinitionKind.Future:
            case TypeDefinitionKind.Stream:
            case TypeDefinitionKind.Flags:
                return Expr(result);
            case TypeDefinitionKind.Enum:
            case TypeDefinitionKind.Variant when definition.Members.All(m => m.Type is null):
                note = $"WIT {TypeText(result)}, as its discriminant: the witx ABI returns no enums.";
                return TagOf(definition.Members.Count);
            default:
                note = $"WIT {TypeText(result)}, flattened to its one core value.";
                return CoreBuiltin(core);
        }
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private void Report(DiagnosticMessage message, SourceLocation? location) =>
        Diagnostics.Add(location is null
            ? new Diagnostic(message.Descriptor, message.Text, new Text.TextSpan(0, 0))
            : new Diagnostic(message.Descriptor, message.Text, location.Span, document: location.Document));

    private void ReportOnce(string key, DiagnosticMessage message, SourceLocation? location)
    {
        if (_reported.Add(key)) Report(message, location);
    }
}
