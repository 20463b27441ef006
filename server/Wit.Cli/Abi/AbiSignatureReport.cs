using System.Collections.Generic;

namespace Wit.Cli.Abi;

/// <summary>One core function type (<c>i32</c>, <c>i64</c>, <c>f32</c>, <c>f64</c>) with the spill and return-pointer decisions.</summary>
public sealed class AbiSignatureReport
{
    public List<string> Params { get; set; } = new();

    public List<string> Results { get; set; } = new();

    /// <summary>The parameters were too many to pass flat and go through memory (one pointer).</summary>
    public bool ParametersSpilled { get; set; }

    /// <summary>The results come back through memory (a return pointer).</summary>
    public bool ResultsThroughMemory { get; set; }
}
