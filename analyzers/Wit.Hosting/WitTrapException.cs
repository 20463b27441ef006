using System;

namespace Wit.Hosting;

/// <summary>
/// A trap: the component (or a host function it called) stopped abnormally during a call of the WIT function
/// <see cref="Function"/>. Engines turn their own trap types into this exception, and a host function's exception
/// into a trap, so that neither crashes the host.
/// </summary>
public sealed class WitTrapException : Exception
{
    /// <summary>A trap in <paramref name="function"/> (<c>ns:pkg/iface@v#name</c>, or the world's own name).</summary>
    public WitTrapException(string function, string reason, Exception? innerException = null)
        : base($"wasm trap in WIT function `{function}`: {reason}", innerException)
    {
        Function = function ?? throw new ArgumentNullException(nameof(function));
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
    }

    /// <summary>The WIT function whose call trapped, as the component model names it.</summary>
    public string Function { get; }

    /// <summary>The engine's description of the trap.</summary>
    public string Reason { get; }
}
