using System.Text.Json.Serialization;

namespace Wit.LanguageServer.Custom;

/// <summary>
/// Source-generated JSON for the server's own messages (the custom <c>wit/*</c> requests and item data);
/// nesting is bounded as in Wit.Protocol's <c>LspJsonContext</c>.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = 256)]
[JsonSerializable(typeof(ItemRequestParams))]
[JsonSerializable(typeof(WitxPreview))]
[JsonSerializable(typeof(AbiLayout))]
[JsonSerializable(typeof(HierarchyData))]
[JsonSerializable(typeof(WasmWitParams))]
[JsonSerializable(typeof(WasmWit))]
internal sealed partial class ServerJsonContext : JsonSerializerContext
{
}
