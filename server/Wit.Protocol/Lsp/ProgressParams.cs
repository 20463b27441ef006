using System.Text.Json;

namespace Wit.Protocol.Lsp;

/// <summary>
/// The parameters of <c>$/progress</c>. The value is kept raw so this type stays non-generic; servers send progress with
/// <see cref="JsonRpcConnection.SendProgressAsync{T}"/>, which writes a <see cref="WorkDoneProgressBegin"/>,
/// <see cref="WorkDoneProgressReport"/> or <see cref="WorkDoneProgressEnd"/> value directly.
/// </summary>
public sealed class ProgressParams
{
    /// <summary>The progress token provided by the client or server.</summary>
    public required StringOrNumber Token { get; set; }

    /// <summary>The progress data.</summary>
    public required JsonElement Value { get; set; }
}
