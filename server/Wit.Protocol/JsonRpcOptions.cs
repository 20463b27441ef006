using System;

namespace Wit.Protocol;

/// <summary>Options of a <see cref="JsonRpcConnection"/>.</summary>
public sealed class JsonRpcOptions
{
    /// <summary>
    /// Receives diagnostics about the connection itself: skipped header lines, messages that could not be handled,
    /// exceptions thrown by notification handlers. Called from any thread; null to discard them.
    /// </summary>
    public Action<string>? Log { get; init; }

    /// <summary>
    /// The largest message body accepted, in bytes; larger bodies are skipped as they stream in (never buffered whole),
    /// logged and answered with an <c>InvalidRequest</c> error without an id. The default, 256 MiB, is far above any
    /// document an editor sends; the language server sets its own, lower limit.
    /// </summary>
    public int MaxMessageLength { get; init; } = 256 * 1024 * 1024;
}
