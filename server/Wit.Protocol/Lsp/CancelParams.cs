namespace Wit.Protocol.Lsp;

/// <summary>
/// The parameters of <c>$/cancelRequest</c>. <see cref="JsonRpcConnection"/> handles the notification itself, so
/// servers do not register it; the type exists for clients and tests.
/// </summary>
public sealed class CancelParams
{
    /// <summary>The id of the request to cancel.</summary>
    public required StringOrNumber Id { get; set; }
}
