using System.Text.Json;

namespace Wit.LanguageServer.Custom;

/// <summary>Words for what a JSON value is, for messages about JSON read by hand.</summary>
internal static class JsonShape
{
    /// <summary>"an object", "a string", "null" and so on.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };
}
