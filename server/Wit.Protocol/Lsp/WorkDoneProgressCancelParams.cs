using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>window/workDoneProgress/cancel</c>.</summary>
public sealed class WorkDoneProgressCancelParams
{
    /// <summary>The token to be used to report progress.</summary>
    public required StringOrNumber Token { get; set; }
}
