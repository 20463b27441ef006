using System.Text.Json.Serialization;

namespace Wit.Protocol;

/// <summary>The serialisation metadata the transport itself needs, independent of LSP and DAP.</summary>
[JsonSerializable(typeof(EmptyParams))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext
{
}
