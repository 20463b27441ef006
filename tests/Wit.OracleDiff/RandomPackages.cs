using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Wit.OracleDiff;

/// <summary>
/// Random packages written from the grammar rather than mutated from the corpus: a root package of one or two files
/// and, often, a dependency in <c>deps/</c>, whose interfaces <c>use</c> each other's types (forward, backward, from the
/// dependency, now and then in a cycle or by a name that does not exist), define records, variants, enums, flags,
/// aliases and resources, and whose worlds import and export interfaces by name, by package path and inline, include
/// each other (with <c>with</c> renames), and carry gates. About one package in two gets one deliberate semantic slip
/// (a duplicate, a missing name, a handle to a non-resource, a borrow in a result, a cycle, a version that is not
/// there), so that both verdicts and upstream's messages for the rules behind them are compared.
/// </summary>
public sealed class RandomPackages
{
    private static readonly string[] Primitives = { "bool", "u8", "s32", "u64", "f32", "char", "string" };

    private readonly Random _random;
    private int _names;

    public RandomPackages(Random random) => _random = random;

    private sealed class Iface
    {
        public Iface(string name, string planned)
        {
            Name = name;
            Planned = planned;
        }

        public string Name { get; }

        /// <summary>The type the interface defines first, named before it is written so that earlier interfaces can use it.</summary>
        public string Planned { get; }

        public List<string> Types { get; } = new();

        public List<string> Resources { get; } = new();
    }

    /// <summary>
    /// Writes one package into <paramref name="directory"/> (created, emptied first) and returns the path to check: half
    /// the time one file, its dependency a nested package (<c>package gen:dep { … }</c>), whose errors upstream reports
    /// with their message; else the directory, with the dependency in <c>deps/</c> and the root perhaps in two files,
    /// whose errors upstream (through jco) reports only as "failed to parse package: DIR".
    /// </summary>
    public string Write(string directory)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        _names = 0;
        _worldNames.Clear();
        bool slip = _random.Next(2) == 0;
        int slipAt = _random.Next(12);

        // The dependency first: the root refers to its interfaces and types.
        bool oneFile = _random.Next(2) == 0;
        var dep = new List<Iface>();
        string depVersion = _random.Next(3) == 0 ? string.Empty : "@0.1.0";
        string nested = string.Empty;
        if (_random.Next(3) > 0)
        {
            var text = new StringBuilder(oneFile ? string.Empty : $"package gen:dep{depVersion};\n\n");
            for (int i = 1 + _random.Next(2); i > 0; i--)
            {
                var iface = new Iface(Name("d"), Name("pt"));
                text.Append(Interface(iface, dep, null, slip: false));
                dep.Add(iface);
            }

            if (oneFile)
            {
                nested = $"package gen:dep{depVersion} {{\n{text}}}\n";
            }
            else
            {
                Directory.CreateDirectory(Path.Combine(directory, "deps", "dep"));
                File.WriteAllText(Path.Combine(directory, "deps", "dep", "dep.wit"), text.ToString());
            }
        }

        string rootVersion = _random.Next(2) == 0 ? "@1.0.0" : string.Empty;
        var interfaces = new List<Iface>();
        int count = 1 + _random.Next(4);
        var names = Enumerable.Range(0, count).Select(_ => new Iface(Name("i"), Name("pt"))).ToList();
        var files = new[] { new StringBuilder($"package gen:root{rootVersion};\n\n"), new StringBuilder() };
        bool twoFiles = !oneFile && _random.Next(3) == 0;
        if (twoFiles && _random.Next(2) == 0) files[1].Append($"package gen:root{rootVersion};\n\n");
        for (int i = 0; i < count; i++)
        {
            // An interface may use one defined later in the package (wit-parser sorts them), rarely one that uses it back.
            var later = names.Skip(i + 1).Where(_ => _random.Next(6) == 0).ToList();
            files[twoFiles ? _random.Next(2) : 0].Append(Interface(names[i], interfaces, (dep, depVersion, later), slip && slipAt == i, rootVersion));
            interfaces.Add(names[i]);
        }

        // A top-level `use` of the dependency's first interface, named anew, that worlds import or export by that name.
        _topLevelUse = null;
        if (dep.Count > 0 && _random.Next(3) == 0)
        {
            _topLevelUse = Name("dd");
            files[0].Append($"use gen:dep/{dep[0].Name}{depVersion} as {_topLevelUse};\n\n");
        }

        var worlds = new List<string>();
        for (int w = 1 + _random.Next(2); w > 0; w--)
        {
            files[twoFiles ? _random.Next(2) : 0].Append(World(interfaces, dep, depVersion, worlds, slip && slipAt >= 8, rootVersion));
        }

        File.WriteAllText(Path.Combine(directory, "a.wit"), files[0].Append(nested).ToString());
        if (twoFiles) File.WriteAllText(Path.Combine(directory, "b.wit"), files[1].ToString());
        return oneFile ? Path.Combine(directory, "a.wit") : directory;
    }

    private string Interface(Iface iface, List<Iface> earlier, (List<Iface> Dep, string Version, List<Iface> Later)? context, bool slip, string version = "")
    {
        var body = new StringBuilder();
        var usable = new List<string>();
        var resources = new List<string>();

        // Uses: from earlier interfaces of the package, from later ones, from the dependency.
        foreach (var other in earlier.Where(o => o.Types.Count > 0 && _random.Next(2) == 0).ToList())
        {
            UseFrom(other.Name, other);
        }

        if (context is { } c)
        {
            foreach (var other in c.Later)
            {
                string type = slip && _random.Next(2) == 0 ? Name("nope") : other.Planned;
                body.Append($"  use {other.Name}.{{{type}}};\n");
                usable.Add(type);
            }

            foreach (var other in c.Dep.Where(o => o.Types.Count > 0 && _random.Next(2) == 0).ToList())
            {
                string path = $"gen:dep/{other.Name}{(slip && _random.Next(2) == 0 ? "@9.9.9" : c.Version)}";
                UseFrom(path, other);
            }
        }

        body.Append("  ").Append(TypeDefinition(iface.Planned, usable, resources, slip: false)).Append('\n');
        usable.Add(iface.Planned);
        iface.Types.Add(iface.Planned);
        for (int i = _random.Next(2); i > 0; i--)
        {
            string resource = Name("res");
            resources.Add(resource);
            body.Append($"  resource {resource} {{\n");
            if (_random.Next(2) == 0)
            {
                // A constructor may return a result of its resource (with an error or not); any other type is a slip.
                string result = _random.Next(3) switch
                {
                    0 => $" -> result<{resource}, string>",
                    1 when slip => " -> string",
                    1 => $" -> result<{resource}>",
                    _ => string.Empty,
                };
                body.Append($"    constructor({Params(usable, resources, 2, slip: false)}){result};\n");
            }

            for (int m = _random.Next(3); m > 0; m--) body.Append($"    {Name("m")}: func({Params(usable, resources, 3, slip: false)}){Result(usable, resources, slip: false)};\n");
            body.Append("  }\n");
        }

        for (int i = _random.Next(4); i > 0; i--)
        {
            if (_random.Next(5) == 0 && Gate(version) is { } g) body.Append("  ").Append(g).Append('\n');
            string name = Name("t");
            body.Append("  ").Append(TypeDefinition(name, usable, resources, slip && _random.Next(3) == 0)).Append('\n');
            usable.Add(name);
            iface.Types.Add(name);
        }

        if (slip && _random.Next(3) == 0 && iface.Types.Count > 0) body.Append($"  type {iface.Types[0]} = u8;\n");
        var functions = new List<string>();
        for (int i = 1 + _random.Next(3); i > 0; i--)
        {
            if (_random.Next(6) == 0 && Gate(version) is { } g) body.Append("  ").Append(g).Append('\n');

            // A slip: a name the component model cannot tell from an earlier one (case and dashes aside).
            string function = slip && functions.Count > 0 && _random.Next(4) == 0 ? Folded(functions[0]) : Name(_random.Next(8) == 0 ? "fun-x" : "fun");
            functions.Add(function);
            body.Append($"  {function}: {(_random.Next(5) == 0 ? "async " : string.Empty)}func({Params(usable, resources, 4, slip)}){Result(usable, resources, slip)};\n");
        }

        iface.Types.AddRange(resources);
        iface.Resources.AddRange(resources);
        return $"interface {iface.Name} {{\n{body}}}\n\n";

        void UseFrom(string path, Iface other)
        {
            var picked = other.Types.Where(_ => _random.Next(2) == 0).Take(3).ToList();
            if (picked.Count == 0) picked.Add(other.Types[0]);
            var items = new List<string>();
            foreach (string type in picked)
            {
                string local = _random.Next(4) == 0 ? Name("ua") : type;
                items.Add(local == type ? type : $"{type} as {local}");
                if (usable.Contains(local)) continue;
                usable.Add(local);
                if (other.Resources.Contains(type)) resources.Add(local);
            }

            body.Append($"  use {path}.{{{string.Join(", ", items)}}};\n");
        }
    }

    private string TypeDefinition(string name, List<string> usable, List<string> resources, bool slip)
    {
        switch (_random.Next(5))
        {
            case 0:
                var fields = Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => $"{Name("x")}: {Type(usable, resources, 2)}").ToList();
                if (slip) fields.Add(_random.Next(2) == 0 ? $"{Name("x")}: {name}" : fields[0]);
                return $"record {name} {{ {string.Join(", ", fields)} }}";
            case 1:
                var cases = Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => _random.Next(2) == 0 ? Name("c") : $"{Name("c")}({Type(usable, resources, 2)})").ToList();
                if (slip) cases.Add($"{Name("c")}(borrow<{(resources.Count > 0 ? resources[0] : "u8")}>)");
                return $"variant {name} {{ {string.Join(", ", cases)} }}";
            case 2:
                var members = Enumerable.Range(0, 1 + _random.Next(4)).Select(_ => Name("k")).ToList();
                if (slip) members.Add(members[0]);
                return $"{(_random.Next(2) == 0 ? "enum" : "flags")} {name} {{ {string.Join(", ", members)} }}";
            default:
                return $"type {name} = {(slip ? (_random.Next(2) == 0 ? "own<u32>" : "missing" + _names++) : Type(usable, resources, 3))};";
        }
    }

    private string Params(List<string> usable, List<string> resources, int most, bool slip)
    {
        var names = Enumerable.Range(0, _random.Next(most + 1)).Select(_ => Name("p")).ToList();
        if (slip && names.Count > 0 && _random.Next(3) == 0) names.Add(names[0]);
        return string.Join(", ", names.Select(p =>
            $"{p}: {(resources.Count > 0 && _random.Next(4) == 0 ? $"borrow<{resources[_random.Next(resources.Count)]}>" : Type(usable, resources, 2))}"));
    }

    private string Result(List<string> usable, List<string> resources, bool slip)
    {
        if (slip && resources.Count > 0 && _random.Next(3) == 0) return $" -> borrow<{resources[0]}>";
        return _random.Next(3) == 0 ? string.Empty : $" -> {Type(usable, resources, 2)}";
    }

    private string Type(List<string> usable, List<string> resources, int depth)
    {
        switch (_random.Next(depth <= 0 ? 2 : 7))
        {
            case 0:
                return Primitives[_random.Next(Primitives.Length)];
            case 1:
                return usable.Count > 0 ? usable[_random.Next(usable.Count)] : "u32";
            case 2:
                return $"list<{Type(usable, resources, depth - 1)}>";
            case 3:
                return $"option<{Type(usable, resources, depth - 1)}>";
            case 4:
                return $"result<{Type(usable, resources, depth - 1)}, {Type(usable, resources, depth - 1)}>";
            case 5:
                return resources.Count > 0 ? $"own<{resources[_random.Next(resources.Count)]}>" : $"tuple<{Type(usable, resources, depth - 1)}>";
            default:
                return $"tuple<{Type(usable, resources, depth - 1)}, {Type(usable, resources, depth - 1)}>";
        }
    }

    private string World(List<Iface> interfaces, List<Iface> dep, string depVersion, List<string> worlds, bool slip, string version)
    {
        string name = Name("w");
        var body = new StringBuilder();
        var plain = new List<string>();
        foreach (var iface in interfaces.Where(_ => _random.Next(2) == 0))
        {
            string direction = _random.Next(2) == 0 ? "import" : "export";
            if (_random.Next(5) == 0 && Gate(version) is { } gate) body.Append("  ").Append(gate).Append('\n');
            body.Append($"  {direction} {iface.Name};\n");
            if (slip && _random.Next(4) == 0) body.Append($"  {direction} {iface.Name};\n");
        }

        foreach (var iface in dep.Where(_ => _random.Next(2) == 0))
        {
            body.Append($"  {(_random.Next(2) == 0 ? "import" : "export")} gen:dep/{iface.Name}{depVersion};\n");
        }

        if (_random.Next(3) == 0)
        {
            var usable = new List<string>();
            var resources = new List<string>();
            if (interfaces.FirstOrDefault(i => i.Types.Count > 0) is { } from && _random.Next(2) == 0)
            {
                body.Append($"  use {from.Name}.{{{from.Types[0]}}};\n");
                usable.Add(from.Types[0]);
                if (from.Resources.Contains(from.Types[0])) resources.Add(from.Types[0]);
            }

            // A world's own resource (with a method) and type, used by its imported functions and now and then by an
            // exported one.
            if (_random.Next(2) == 0)
            {
                string resource = Name("wres");
                body.Append($"  resource {resource} {{\n    {Name("m")}: func({Params(usable, resources, 1, slip: false)});\n  }}\n");
                resources.Add(resource);
                usable.Add(resource);
                string type = Name("wt");
                body.Append("  ").Append(TypeDefinition(type, usable, resources, slip: false)).Append('\n');
                usable.Add(type);
                string imported = Name("wi");
                body.Append($"  import {imported}: func({Params(usable, resources, 2, slip: false)}){Result(usable, resources, slip: false)};\n");
                plain.Add(imported);
            }

            string inline = Name("inl");
            body.Append($"  {(_random.Next(3) == 0 ? "export" : "import")} {inline}: interface {{\n    {Name("fun")}: func({Params(usable, resources, 2, slip: false)}){Result(usable, resources, slip: false)};\n  }}\n");
            string function = Name("wf");
            if (_random.Next(5) == 0 && Gate(version) is { } g) body.Append("  ").Append(g).Append('\n');
            body.Append($"  {(_random.Next(2) == 0 ? "import" : "export")} {function}: func({Params(usable, resources, 2, slip)});\n");
            plain.Add(inline);
            plain.Add(function);
        }

        if (worlds.Count > 0 && _random.Next(2) == 0)
        {
            string included = worlds[_random.Next(worlds.Count)];
            var names = _worldNames[included];
            if (_random.Next(3) == 0)
            {
                // Renaming one of the included world's plain names, one it does not have, or one this world has too.
                string from = slip || names.Count == 0 ? Name("nothing") : names[_random.Next(names.Count)];
                string to = slip && _random.Next(2) == 0 && plain.Count > 0 ? plain[0] : Name("z");
                body.Append($"  include {included} with {{ {from} as {to} }}\n");
            }
            else
            {
                body.Append($"  include {included};\n");
                plain.AddRange(names);
            }
        }

        if (slip)
        {
            switch (_random.Next(6))
            {
                case 0: body.Append($"  import {interfaces[0].Name}: func();\n"); break;
                case 1: if (worlds.Count > 0) body.Append($"  import {worlds[0]};\n"); break;
                case 2: body.Append($"  include {interfaces[0].Name};\n"); break;
                case 3: if (plain.Count > 0) body.Append($"  export {plain[0]}: func();\n"); break;
                case 4:
                    if (_random.Next(2) == 0) body.Append($"  import gen:dep/{(dep.Count > 0 ? dep[0].Name : "d9")}@0.2.0;\n");
                    else body.Append($"  import gen:root/{interfaces[_random.Next(interfaces.Count)].Name}{version};\n");
                    break;
                default: if (worlds.Count > 0) body.Append($"  use {worlds[0]}.{{t}};\n"); break;
            }
        }

        if (_topLevelUse is { } alias && _random.Next(2) == 0) body.Append($"  {(_random.Next(2) == 0 ? "import" : "export")} {alias};\n");
        worlds.Add(name);
        _worldNames[name] = plain;
        return $"world {name} {{\n{body}}}\n\n";
    }

    /// <summary>The name a top-level <c>use</c> gives the dependency's first interface, when the package has one.</summary>
    private string? _topLevelUse;

    /// <summary>The plain names (functions, inline interfaces) each world written so far imports or exports.</summary>
    private readonly Dictionary<string, List<string>> _worldNames = new();

    /// <summary>A gate for an item of a package of <paramref name="version"/>, or null (most items have none).</summary>
    private string? Gate(string version) => _random.Next(6) switch
    {
        0 => "@unstable(feature = active)",
        1 => "@unstable(feature = other)",
        2 => version.Length > 0 ? "@since(version = 1.0.0)" : null,
        3 => version.Length > 0 ? "@since(version = 0.9.0)\n  @deprecated(version = 1.0.0)" : null,
        4 => version.Length > 0 && _random.Next(4) == 0 ? "@since(version = 2.0.0)" : null,
        _ => null,
    };

    private string Name(string prefix) => prefix + (_names++).ToString(CultureInfo.InvariantCulture);

    /// <summary>A name that differs from <paramref name="name"/> only in case or dashes (<c>fun3</c>: <c>f-un3</c> or <c>FUN3</c>).</summary>
    private string Folded(string name) =>
        _random.Next(2) == 0 && name.Length > 2 && char.IsLetter(name[1]) && name[1] != '-' && name[0] != '-' ? name[0] + "-" + name.Substring(1) : name.ToUpperInvariant();
}
