using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Wit.Benchmarks;

/// <summary>
/// Random WIT packages of one world for comparing the Canonical ABI with upstream's (<see cref="AbiOracleCheck"/>'s
/// <c>abi-fuzz</c>): interfaces with records, variants, enums, flags, aliases and resources (constructors, methods,
/// static functions), functions sync and async with up to 20 parameters (past the 16 flat parameters) of nested lists (fixed-size too), maps,
/// options, results, tuples, handles, futures, streams and error contexts; a world that imports and exports them, with functions and a
/// resource of its own. Everything it writes is valid WIT: a disagreement is about the ABI, not about checking.
/// </summary>
internal sealed class RandomWorlds
{
    private static readonly string[] Primitives =
        { "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char", "string" };

    private static readonly string[] MapKeys = { "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "char", "string" };

    private readonly Random _random;
    private int _names;

    public RandomWorlds(int seed) => _random = new Random(seed);

    /// <summary>One package (<c>package fuzz:abi;</c>) with interfaces <c>i0</c>… and the world <c>w</c>.</summary>
    public string Next()
    {
        _names = 0;
        var text = new StringBuilder("package fuzz:abi;\n\n");
        int interfaces = 1 + _random.Next(3);
        var imported = new List<string>();
        var exported = new List<string>();
        for (int i = 0; i < interfaces; i++)
        {
            string name = $"i{i}";
            text.Append(Interface(name));
            switch (_random.Next(3))
            {
                case 0: imported.Add(name); break;
                case 1: exported.Add(name); break;
                default: imported.Add(name); exported.Add(name); break;
            }
        }

        text.Append("world w {\n");
        foreach (string name in imported) text.Append($"  import {name};\n");
        foreach (string name in exported) text.Append($"  export {name};\n");

        // A world's own resource and types are imported: only imported functions may use them.
        var scope = new Scope();
        if (_random.Next(2) == 0)
        {
            string resource = Name("wr");
            text.Append($"  resource {resource};\n");
            scope.Resources.Add(resource);
        }

        for (int i = _random.Next(3); i > 0; i--) text.Append("  ").Append(NamedType(scope, "  ")).Append('\n');
        for (int i = _random.Next(4); i > 0; i--) text.Append($"  import {Name("wf")}: {Function(scope)};\n");

        // Exported functions may not name the world's imported types (upstream: "... not valid in this context").
        var empty = new Scope();
        for (int i = _random.Next(4); i > 0; i--) text.Append($"  export {Name("we")}: {Function(empty)};\n");
        return text.Append("}\n").ToString();
    }

    private sealed class Scope
    {
        public List<string> Types { get; } = new();

        public List<string> Resources { get; } = new();
    }

    private string Interface(string name)
    {
        var scope = new Scope();
        var body = new StringBuilder();
        for (int i = _random.Next(3); i > 0; i--)
        {
            string resource = Name("r");
            scope.Resources.Add(resource);
            body.Append($"  resource {resource} {{\n");
            if (_random.Next(2) == 0) body.Append($"    constructor{Parameters(scope, 6)};\n");
            for (int m = _random.Next(4); m > 0; m--) body.Append($"    {Name("m")}: {Function(scope)};\n");
            if (_random.Next(3) == 0) body.Append($"    {Name("st")}: static {Function(scope)};\n");
            body.Append("  }\n");
        }

        for (int i = _random.Next(6); i > 0; i--) body.Append("  ").Append(NamedType(scope, "  ")).Append('\n');
        for (int i = 1 + _random.Next(5); i > 0; i--) body.Append($"  {Name("fun")}: {Function(scope)};\n");
        return $"interface {name} {{\n{body}}}\n\n";
    }

    /// <summary>A type definition, added to <paramref name="scope"/> after it is written (types refer to earlier ones only).</summary>
    private string NamedType(Scope scope, string indent)
    {
        string name;
        string text;
        switch (_random.Next(6))
        {
            case 0:
                name = Name("rec");
                text = $"record {name} {{ {string.Join(", ", Enumerable.Range(0, 1 + _random.Next(6)).Select(_ => $"{Name("x")}: {Type(scope, 2)}"))} }}";
                break;
            case 1:
                name = Name("var");
                text = $"variant {name} {{ {string.Join(", ", Enumerable.Range(0, 1 + _random.Next(6)).Select(_ => _random.Next(3) == 0 ? Name("c") : $"{Name("c")}({Type(scope, 2)})"))} }}";
                break;
            case 2:
                name = Name("en");
                // Past 256 cases the discriminant is two bytes.
                int cases = _random.Next(8) == 0 ? 250 + _random.Next(20) : 1 + _random.Next(6);
                text = $"enum {name} {{ {string.Join(", ", Enumerable.Range(0, cases).Select(_ => Name("k")))} }}";
                break;
            case 3:
                name = Name("fl");
                // Flags: one byte up to 8, two up to 16, four up to 32 (upstream's limit).
                int flags = 1 + _random.Next(32);
                text = $"flags {name} {{ {string.Join(", ", Enumerable.Range(0, flags).Select(_ => Name("b")))} }}";
                break;
            default:
                name = Name("al");
                text = $"type {name} = {Type(scope, 3)};";
                break;
        }

        scope.Types.Add(name);
        return text;
    }

    private string Function(Scope scope)
    {
        string async = _random.Next(4) == 0 ? "async " : string.Empty;
        string result = _random.Next(3) == 0 ? string.Empty : $" -> {Type(scope, 3, inResult: true)}";
        return $"{async}func{Parameters(scope, _random.Next(5) == 0 ? 20 : 5)}{result}";
    }

    private string Parameters(Scope scope, int most) =>
        "(" + string.Join(", ", Enumerable.Range(0, _random.Next(most + 1)).Select(_ => $"{Name("p")}: {ParameterType(scope)}")) + ")";

    private string ParameterType(Scope scope) =>
        scope.Resources.Count > 0 && _random.Next(8) == 0 ? $"borrow<{Pick(scope.Resources)}>" : Type(scope, 3);

    private string Type(Scope scope, int depth, bool inResult = false)
    {
        int choice = _random.Next(depth <= 0 ? 3 : 12);
        switch (choice)
        {
            case 0:
            case 1:
                return Pick(Primitives);
            case 2:
                if (scope.Types.Count > 0) return Pick(scope.Types);
                if (scope.Resources.Count > 0) return Pick(scope.Resources);
                return Pick(Primitives);
            case 3:
                // A fixed-size list flattens to its length's copies of the element.
                return _random.Next(4) == 0 ? $"list<{Type(scope, depth - 1)}, {1 + _random.Next(_random.Next(2) == 0 ? 4 : 20)}>" : $"list<{Type(scope, depth - 1)}>";
            case 4:
                return $"option<{Type(scope, depth - 1)}>";
            case 5:
                return _random.Next(4) switch
                {
                    0 => "result",
                    1 => $"result<{Type(scope, depth - 1)}>",
                    2 => $"result<_, {Type(scope, depth - 1)}>",
                    _ => $"result<{Type(scope, depth - 1)}, {Type(scope, depth - 1)}>",
                };
            case 6:
                return $"tuple<{string.Join(", ", Enumerable.Range(0, 1 + _random.Next(5)).Select(_ => Type(scope, depth - 1)))}>";
            case 7:
                return scope.Resources.Count > 0 ? (_random.Next(2) == 0 ? $"own<{Pick(scope.Resources)}>" : Pick(scope.Resources)) : Pick(Primitives);
            case 8:
                if (_random.Next(3) == 0) return $"map<{Pick(MapKeys)}, {Type(scope, depth - 1)}>";
                return _random.Next(3) == 0 ? "future" : $"future<{Type(scope, depth - 1)}>";
            case 9:
                return _random.Next(3) == 0 ? "stream" : _random.Next(4) == 0 ? "error-context" : $"stream<{Type(scope, depth - 1)}>";
            default:
                return scope.Types.Count > 0 ? Pick(scope.Types) : Pick(Primitives);
        }
    }

    private string Pick(IReadOnlyList<string> items) => items[_random.Next(items.Count)];

    private string Name(string prefix) => prefix + (_names++).ToString(CultureInfo.InvariantCulture);
}
