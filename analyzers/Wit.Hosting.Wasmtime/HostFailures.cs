using System;

namespace Wit.Hosting.Wasmtime;

/// <summary>The last exception a host function threw during a call, to explain the trap that call ends with.</summary>
internal sealed class HostFailures
{
    public (string Function, Exception Exception)? Last { get; set; }
}
