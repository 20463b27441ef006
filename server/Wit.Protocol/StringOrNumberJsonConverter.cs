using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol;

/// <summary>Reads and writes <see cref="StringOrNumber"/> as a JSON string or integer; source-generation compatible.</summary>
public sealed class StringOrNumberJsonConverter : JsonConverter<StringOrNumber>
{
    /// <inheritdoc/>
    public override StringOrNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return reader.TokenType switch
        {
            JsonTokenType.String => new StringOrNumber(reader.GetString()!),
            JsonTokenType.Number when reader.TryGetInt64(out long value) => new StringOrNumber(value),
            _ => throw new JsonException("Expected a string or an integer."),
        };
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, StringOrNumber value, JsonSerializerOptions options)
    {
        if (value.String is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNumberValue(value.Number);
        }
    }
}
