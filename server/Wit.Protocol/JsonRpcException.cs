using System;
using System.Text.Json;

namespace Wit.Protocol;

/// <summary>
/// A JSON-RPC error. Handlers throw it to answer a request with a specific error; a server-to-client request whose
/// response is an error fails with it.
/// </summary>
public class JsonRpcException : Exception
{
    /// <summary>Creates an error with a code (see <see cref="JsonRpcErrorCodes"/>) and a message.</summary>
    public JsonRpcException(int code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Creates an error with a code, a message and the error object's <c>data</c>.</summary>
    public JsonRpcException(int code, string message, JsonElement? errorData)
        : base(message)
    {
        Code = code;
        ErrorData = errorData;
    }

    /// <summary>The error code.</summary>
    public int Code { get; }

    /// <summary>The error object's <c>data</c> member, if any (named so to stay clear of <see cref="Exception.Data"/>).</summary>
    public JsonElement? ErrorData { get; }
}
