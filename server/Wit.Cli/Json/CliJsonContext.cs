using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Cli.Json;

/// <summary>Source-generated serialisation for everything the CLI prints as JSON (no reflection, trimmable).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ParseReport))]
[JsonSerializable(typeof(CheckReport))]
[JsonSerializable(typeof(Wit.Cli.Abi.AbiReport))]
[JsonSerializable(typeof(Wit.Cli.Inspect.InspectReport))]
[JsonSerializable(typeof(Wit.Cli.Inspect.LiveReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the CLI prints with: the options above but without escaping quotes,
    /// '&lt;', '&gt;', '&amp;' and non-ASCII letters, which only matter when JSON is embedded in HTML.
    /// </summary>
    public static CliJsonContext Output { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
