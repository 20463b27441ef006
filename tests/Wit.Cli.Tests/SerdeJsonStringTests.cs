using Wit.Cli.Json;
using Xunit;

namespace Wit.Cli.Tests;

public class SerdeJsonStringTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a \"quote\" and \\", "\"a \\\"quote\\\" and \\\\\"")]
    [InlineData("line\nbreak\ttab\r\b\f", "\"line\\nbreak\\ttab\\r\\b\\f\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [InlineData("<&'+>", "\"<&'+>\"")]
    [InlineData("é 😀 \u007f", "\"é 😀 \u007f\"")]
    public void Escapes_only_what_serde_json_escapes(string value, string expected)
    {
        Assert.Equal(expected, SerdeJsonString.Quote(value));
    }
}
