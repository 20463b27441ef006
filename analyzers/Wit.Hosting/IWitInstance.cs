using System;
using System.Collections.Generic;

namespace Wit.Hosting;

/// <summary>An instantiated component whose exports a host calls, through the engine-neutral contract.</summary>
public interface IWitInstance : IDisposable
{
    /// <summary>
    /// Calls the exported <paramref name="function"/> (of the exported interface <paramref name="instance"/>, or of
    /// the world itself when null) and returns its result, null when it has none. A trap, including one caused by a
    /// host function's exception, throws <see cref="WitTrapException"/> naming the function.
    /// </summary>
    WitValue? Call(string? instance, string function, IReadOnlyList<WitValue> arguments);
}
