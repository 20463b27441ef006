namespace Wit.Protocol;

/// <summary>
/// Thrown by a handler whose result was computed on a document that has since changed; the request is answered with
/// <see cref="JsonRpcErrorCodes.ContentModified"/> and the client asks again.
/// </summary>
public sealed class ContentModifiedException : JsonRpcException
{
    /// <summary>Creates the error with the default message.</summary>
    public ContentModifiedException()
        : base(JsonRpcErrorCodes.ContentModified, "The content was modified while the request was processed.")
    {
    }

    /// <summary>Creates the error with a message.</summary>
    public ContentModifiedException(string message)
        : base(JsonRpcErrorCodes.ContentModified, message)
    {
    }
}
