using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of the <c>initialized</c> notification (an empty object).</summary>
public sealed class InitializedParams
{
}
