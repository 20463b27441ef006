namespace Wit.Protocol;

/// <summary>The error codes of JSON-RPC 2.0 and the ones LSP adds.</summary>
public static class JsonRpcErrorCodes
{
    /// <summary>Invalid JSON was received.</summary>
    public const int ParseError = -32700;

    /// <summary>The JSON sent is not a valid request object.</summary>
    public const int InvalidRequest = -32600;

    /// <summary>The method does not exist or is not available.</summary>
    public const int MethodNotFound = -32601;

    /// <summary>Invalid method parameters.</summary>
    public const int InvalidParams = -32602;

    /// <summary>Internal JSON-RPC error, also used for unexpected handler exceptions.</summary>
    public const int InternalError = -32603;

    /// <summary>LSP: a request arrived before the server received <c>initialize</c>.</summary>
    public const int ServerNotInitialized = -32002;

    /// <summary>LSP: an unknown error.</summary>
    public const int UnknownErrorCode = -32001;

    /// <summary>LSP: a request was syntactically valid but failed for a reason the server reports in its message.</summary>
    public const int RequestFailed = -32803;

    /// <summary>LSP: the server cancelled the request.</summary>
    public const int ServerCancelled = -32802;

    /// <summary>LSP: the document changed while the request ran, so the result would be outdated.</summary>
    public const int ContentModified = -32801;

    /// <summary>LSP: the client cancelled the request with <c>$/cancelRequest</c>.</summary>
    public const int RequestCancelled = -32800;
}
