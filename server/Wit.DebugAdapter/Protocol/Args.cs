using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wit.DebugAdapter.Protocol;

/// <summary>A request the adapter refuses: its message becomes the error response's text.</summary>
internal sealed class RequestException : Exception
{
    public RequestException(string message) : base(message)
    {
    }
}

/// <summary>Typed reads of a request's <c>arguments</c>: a missing optional member gives the default, a wrong type a <see cref="RequestException"/>.</summary>
internal static class Args
{
    public static string? String(JsonObject? o, string name) => Get(o, name, JsonValueKind.String, "a string")?.GetValue<string>();

    public static string RequiredString(JsonObject? o, string name) =>
        String(o, name) ?? throw new RequestException($"the argument '{name}' is required");

    public static long? Long(JsonObject? o, string name)
    {
        var v = Get(o, name, JsonValueKind.Number, "a number");
        if (v == null)
        {
            return null;
        }
        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }
        if (v.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e15)
        {
            return (long)d;
        }
        throw new RequestException($"the argument '{name}' must be an integer");
    }

    public static int? Int(JsonObject? o, string name) =>
        Long(o, name) is long l ? (l is >= int.MinValue and <= int.MaxValue ? (int)l : throw new RequestException($"the argument '{name}' is out of range")) : null;

    public static bool Bool(JsonObject? o, string name)
    {
        var node = o?[name];
        if (node == null)
        {
            return false;
        }
        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new RequestException($"the argument '{name}' must be true or false"),
        };
    }

    public static JsonObject? Object(JsonObject? o, string name)
    {
        var node = o?[name];
        return node == null ? null : node as JsonObject ?? throw new RequestException($"the argument '{name}' must be an object");
    }

    public static JsonArray Array(JsonObject? o, string name)
    {
        var node = o?[name];
        return node == null ? new JsonArray() : node as JsonArray ?? throw new RequestException($"the argument '{name}' must be an array");
    }

    public static List<string> Strings(JsonObject? o, string name)
    {
        var list = new List<string>();
        foreach (var item in Array(o, name))
        {
            list.Add(item is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw new RequestException($"the argument '{name}' must be an array of strings"));
        }
        return list;
    }

    public static JsonObject Element(JsonNode? item, string name) =>
        item as JsonObject ?? throw new RequestException($"each element of '{name}' must be an object");

    private static JsonValue? Get(JsonObject? o, string name, JsonValueKind kind, string what)
    {
        var node = o?[name];
        if (node == null)
        {
            return null;
        }
        return node is JsonValue v && v.GetValueKind() == kind ? v : throw new RequestException($"the argument '{name}' must be {what}");
    }

    /// <summary>A memory or instruction reference: an address, decimal or <c>0x</c> hexadecimal.</summary>
    public static long Address(string reference)
    {
        string t = reference.Trim();
        bool ok = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(t.AsSpan(2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out long v)
            : long.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out v);
        return ok && v >= 0 ? v : throw new RequestException($"'{reference}' is not an address");
    }
}

/// <summary>Adds to JSON arrays without the generic <c>Add&lt;T&gt;</c>, whose reflection the trimmer and AOT refuse.</summary>
internal static class JsonArrays
{
    public static void Push(this JsonArray array, JsonNode? node) => array.Add(node);
}
