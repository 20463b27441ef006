using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Wit.Conformance.Tests.Json;

/// <summary>
/// A resolved model in wit-parser's JSON schema turned into sorted lines that do not depend on arena indices, so two
/// documents whose arenas were allocated in different orders compare equal when they describe the same packages.
/// Packages are named by name, worlds and named interfaces by their package-qualified name, an inline interface by
/// the world import or export that holds it, a named type by its owner and name, and an anonymous type by its
/// structure (<c>list(u8)</c>, <c>own(foo:bar/i.r)</c>). Order is kept where it means something upstream (world
/// imports and exports, fields, cases, parameters, tuple elements) and ignored elsewhere (arenas and the name maps of
/// packages and interfaces). Each arena entry becomes one line; anonymous types form a multiset, since upstream
/// deduplicates them per package.
/// </summary>
public sealed class CanonicalResolve
{
    private readonly JsonElement _worlds;
    private readonly JsonElement _interfaces;
    private readonly JsonElement _types;
    private readonly JsonElement _packages;
    private readonly string[] _interfaceIds;
    private readonly string?[] _typeIds;

    private CanonicalResolve(JsonElement root)
    {
        _worlds = root.GetProperty("worlds");
        _interfaces = root.GetProperty("interfaces");
        _types = root.GetProperty("types");
        _packages = root.GetProperty("packages");
        _interfaceIds = new string[_interfaces.GetArrayLength()];
        _typeIds = new string?[_types.GetArrayLength()];
        NameInterfaces();
    }

    /// <summary>The canonical lines of a document, sorted ordinally.</summary>
    public static IReadOnlyList<string> Lines(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new CanonicalResolve(document.RootElement).Lines();
    }

    /// <summary>Lines only in <paramref name="expected"/> (<c>-</c>) and only in <paramref name="actual"/> (<c>+</c>), as multisets.</summary>
    public static IReadOnlyList<string> Diff(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in actual) remaining[line] = remaining.GetValueOrDefault(line) + 1;
        var missing = new List<string>();
        foreach (string line in expected)
        {
            if (remaining.GetValueOrDefault(line) > 0) remaining[line]--;
            else missing.Add("- " + line);
        }

        var extra = new List<string>();
        foreach (string line in actual)
        {
            if (remaining.GetValueOrDefault(line) > 0)
            {
                remaining[line]--;
                extra.Add("+ " + line);
            }
        }

        return missing.Concat(extra).ToList();
    }

    private List<string> Lines()
    {
        var lines = new List<string>();
        foreach (var package in _packages.EnumerateArray())
        {
            lines.Add($"package {Str(package, "name")}{Docs(package)} interfaces={{{NameSet(package.GetProperty("interfaces"), i => _interfaceIds[i])}}} worlds={{{NameSet(package.GetProperty("worlds"), WorldId)}}}");
        }

        for (int i = 0; i < _interfaceIds.Length; i++)
        {
            var @interface = _interfaces[i];
            string id = _interfaceIds[i];
            lines.Add($"interface {id} package={PackageName(@interface.GetProperty("package"))}{Docs(@interface)}{Stability(@interface)} "
                + $"types={{{NameSet(@interface.GetProperty("types"), TypeId)}}} functions={{{string.Join(",", @interface.GetProperty("functions").EnumerateObject().Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal))}}}");
            foreach (var function in @interface.GetProperty("functions").EnumerateObject())
            {
                lines.Add($"function {id}#{function.Name} = {Function(function.Value)}");
            }
        }

        for (int w = 0; w < _worlds.GetArrayLength(); w++)
        {
            var world = _worlds[w];
            string id = WorldId(w);
            lines.Add($"world {id} package={PackageName(world.GetProperty("package"))}{Docs(world)}{Stability(world)}");
            foreach (string direction in new[] { "imports", "exports" })
            {
                int position = 0;
                foreach (var item in world.GetProperty(direction).EnumerateObject())
                {
                    lines.Add($"world {id} {direction}[{position++}] {Key(item.Name)} = {WorldItem(item.Value)}");
                }
            }
        }

        for (int t = 0; t < _typeIds.Length; t++)
        {
            var type = _types[t];
            lines.Add($"type {TypeId(t)} kind={Kind(type.GetProperty("kind"))} owner={Owner(type.GetProperty("owner"))}{Docs(type)}{Stability(type)}");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Named interfaces by <c>ns:pkg/name@version</c>; inline ones by the first world item that holds them.</summary>
    private void NameInterfaces()
    {
        for (int i = 0; i < _interfaceIds.Length; i++)
        {
            var @interface = _interfaces[i];
            if (@interface.GetProperty("name").ValueKind == JsonValueKind.String)
            {
                _interfaceIds[i] = QualifiedName(PackageName(@interface.GetProperty("package")), @interface.GetProperty("name").GetString()!);
            }
        }

        for (int w = 0; w < _worlds.GetArrayLength(); w++)
        {
            foreach (string direction in new[] { "imports", "exports" })
            {
                foreach (var item in _worlds[w].GetProperty(direction).EnumerateObject())
                {
                    if (!item.Value.TryGetProperty("interface", out var reference)) continue;
                    int index = reference.GetProperty("id").GetInt32();
                    if (index >= 0 && index < _interfaceIds.Length) _interfaceIds[index] ??= $"{WorldId(w)}:{direction}:{item.Name}";
                }
            }
        }

        for (int i = 0; i < _interfaceIds.Length; i++) _interfaceIds[i] ??= $"<orphan interface {i}>";
    }

    private static string QualifiedName(string package, string name)
    {
        int at = package.IndexOf('@');
        return at < 0 ? $"{package}/{name}" : $"{package.Substring(0, at)}/{name}{package.Substring(at)}";
    }

    private string WorldId(int index)
    {
        if (index < 0 || index >= _worlds.GetArrayLength()) return $"<world {index}>";
        var world = _worlds[index];
        return QualifiedName(PackageName(world.GetProperty("package")), world.GetProperty("name").GetString()!);
    }

    private string InterfaceId(int index) => index >= 0 && index < _interfaceIds.Length ? _interfaceIds[index] : $"<interface {index}>";

    private string PackageName(JsonElement index) =>
        index.ValueKind == JsonValueKind.Number && index.GetInt32() < _packages.GetArrayLength()
            ? Str(_packages[index.GetInt32()], "name")
            : "-";

    private string Key(string key) =>
        key.StartsWith("interface-", StringComparison.Ordinal) && int.TryParse(key.AsSpan("interface-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            ? "interface:" + InterfaceId(index)
            : key;

    private string WorldItem(JsonElement item)
    {
        if (item.TryGetProperty("interface", out var @interface))
        {
            return $"interface {InterfaceId(@interface.GetProperty("id").GetInt32())}{Stability(@interface)}";
        }

        if (item.TryGetProperty("function", out var function)) return "function " + Function(function);
        if (item.TryGetProperty("type", out var type)) return "type " + TypeId(type.GetInt32());
        return "? " + item.GetRawText();
    }

    private string Function(JsonElement function)
    {
        var builder = new StringBuilder();
        builder.Append(Str(function, "name")).Append(' ');
        var kind = function.GetProperty("kind");
        if (kind.ValueKind == JsonValueKind.String) builder.Append(kind.GetString());
        else
        {
            var member = kind.EnumerateObject().First();
            builder.Append(member.Name).Append('(').Append(TypeId(member.Value.GetInt32())).Append(')');
        }

        builder.Append(" (");
        builder.Append(string.Join(", ", function.GetProperty("params").EnumerateArray().Select(p => $"{Str(p, "name")}: {Reference(p.GetProperty("type"))}")));
        builder.Append(')');
        if (function.TryGetProperty("result", out var result)) builder.Append(" -> ").Append(Reference(result));
        builder.Append(Docs(function)).Append(Stability(function));
        return builder.ToString();
    }

    private string Owner(JsonElement owner)
    {
        if (owner.ValueKind == JsonValueKind.Null) return "-";
        if (owner.TryGetProperty("interface", out var @interface)) return "interface " + InterfaceId(@interface.GetInt32());
        if (owner.TryGetProperty("world", out var world)) return "world " + WorldId(world.GetInt32());
        return owner.GetRawText();
    }

    /// <summary>A type reference: a primitive's name, or the identity of the type it points to.</summary>
    private string Reference(JsonElement reference) => reference.ValueKind switch
    {
        JsonValueKind.Null => "_",
        JsonValueKind.Number => TypeId(reference.GetInt32()),
        JsonValueKind.String => reference.GetString()!,
        _ => reference.GetRawText(),
    };

    /// <summary>
    /// A named type's identity is its owner and name; an anonymous type's is its structure. Anonymous types refer to
    /// other types, so identities are computed with an explicit stack (deeply nested types must not overflow it) and
    /// remembered.
    /// </summary>
    private string TypeId(int index)
    {
        if (index < 0 || index >= _typeIds.Length) return $"<type {index}>";
        if (_typeIds[index] is { } known) return known;
        var pending = new Stack<int>();
        var onStack = new HashSet<int>();
        pending.Push(index);
        onStack.Add(index);
        while (pending.Count > 0)
        {
            int current = pending.Peek();
            int? missing = null;
            foreach (int child in AnonymousChildren(current))
            {
                if (_typeIds[child] is null)
                {
                    missing = child;
                    break;
                }
            }

            if (missing is { } next && onStack.Add(next))
            {
                pending.Push(next);
                continue;
            }

            if (missing is not null) _typeIds[missing.Value] = $"<cycle {missing.Value}>";
            _typeIds[current] = Identity(current);
            pending.Pop();
            onStack.Remove(current);
        }

        return _typeIds[index]!;
    }

    private string Identity(int index)
    {
        var type = _types[index];
        if (type.GetProperty("name").ValueKind == JsonValueKind.String)
        {
            return $"{Owner(type.GetProperty("owner"))}.{type.GetProperty("name").GetString()}";
        }

        return Kind(type.GetProperty("kind"));
    }

    /// <summary>The anonymous types an anonymous type's identity is built from.</summary>
    private IEnumerable<int> AnonymousChildren(int index)
    {
        var type = _types[index];
        if (type.GetProperty("name").ValueKind == JsonValueKind.String) yield break;
        foreach (var reference in References(type.GetProperty("kind")))
        {
            if (reference.ValueKind != JsonValueKind.Number) continue;
            int child = reference.GetInt32();
            if (child < 0 || child >= _typeIds.Length) continue;
            yield return child;
        }
    }

    /// <summary>Every type reference inside a kind.</summary>
    private static IEnumerable<JsonElement> References(JsonElement kind)
    {
        if (kind.ValueKind != JsonValueKind.Object) yield break;
        var member = kind.EnumerateObject().First();
        var value = member.Value;
        switch (member.Name)
        {
            case "record":
                foreach (var field in value.GetProperty("fields").EnumerateArray()) yield return field.GetProperty("type");
                break;
            case "variant":
                foreach (var @case in value.GetProperty("cases").EnumerateArray()) yield return @case.GetProperty("type");
                break;
            case "tuple":
                foreach (var element in value.GetProperty("types").EnumerateArray()) yield return element;
                break;
            case "handle":
                yield return value.EnumerateObject().First().Value;
                break;
            case "result":
                yield return value.GetProperty("ok");
                yield return value.GetProperty("err");
                break;
            case "map":
                yield return value[0];
                yield return value[1];
                break;
            case "fixed-length-list":
            case "fixed-size-list":
                yield return value[0];
                break;
            case "flags":
            case "enum":
                break;
            default:
                yield return value;
                break;
        }
    }

    private string Kind(JsonElement kind)
    {
        if (kind.ValueKind == JsonValueKind.String) return kind.GetString()!;
        var member = kind.EnumerateObject().First();
        var value = member.Value;
        switch (member.Name)
        {
            case "record":
                return "record{" + string.Join(", ", value.GetProperty("fields").EnumerateArray().Select(f => $"{Str(f, "name")}: {Reference(f.GetProperty("type"))}{Docs(f)}")) + "}";
            case "variant":
                return "variant{" + string.Join(", ", value.GetProperty("cases").EnumerateArray().Select(c => $"{Str(c, "name")}({Reference(c.GetProperty("type"))}){Docs(c)}")) + "}";
            case "flags":
                return "flags{" + string.Join(", ", value.GetProperty("flags").EnumerateArray().Select(f => Str(f, "name") + Docs(f))) + "}";
            case "enum":
                return "enum{" + string.Join(", ", value.GetProperty("cases").EnumerateArray().Select(c => Str(c, "name") + Docs(c))) + "}";
            case "tuple":
                return "tuple(" + string.Join(", ", value.GetProperty("types").EnumerateArray().Select(Reference)) + ")";
            case "handle":
                var handle = value.EnumerateObject().First();
                return $"{handle.Name}({Reference(handle.Value)})";
            case "result":
                return $"result({Reference(value.GetProperty("ok"))}, {Reference(value.GetProperty("err"))})";
            case "map":
                return $"map({Reference(value[0])}, {Reference(value[1])})";
            case "fixed-length-list":
            case "fixed-size-list":
                return $"{member.Name}({Reference(value[0])}; {value[1].GetRawText()})";
            default:
                return $"{member.Name}({Reference(value)})";
        }
    }

    private static string NameSet(JsonElement map, Func<int, string> identity) =>
        string.Join(",", map.EnumerateObject().Select(e => $"{e.Name}={identity(e.Value.GetInt32())}").OrderBy(s => s, StringComparer.Ordinal));

    private static string Str(JsonElement element, string property) =>
        element.GetProperty(property) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : "null";

    private static string Docs(JsonElement element) =>
        element.TryGetProperty("docs", out var docs) ? " docs=" + Quote(docs.GetProperty("contents")) : string.Empty;

    // Re-quoted so that two spellings of the same string (an escaped or a literal 'é') compare equal.
    private static string Quote(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? Wit.Cli.Json.SerdeJsonString.Quote(value.GetString()!) : value.GetRawText();

    private static string Stability(JsonElement element) =>
        element.TryGetProperty("stability", out var stability) ? " stability=" + stability.GetRawText().Replace("\n", string.Empty).Replace(" ", string.Empty) : string.Empty;
}
