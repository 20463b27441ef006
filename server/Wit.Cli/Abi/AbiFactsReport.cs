using System.Collections.Generic;

namespace Wit.Cli.Abi;

/// <summary>What one call of a function costs at the boundary, in one direction (see <c>Wit.Core.Abi.FunctionAbiFacts</c>).</summary>
public sealed class AbiFactsReport
{
    /// <summary>The flat parameter count before spilling.</summary>
    public long FlatParameterCount { get; set; }

    public bool ParametersSpilled { get; set; }

    /// <summary>Bytes of spilled parameters written to memory per call (0 when passed flat).</summary>
    public long ParameterBytesThroughMemory { get; set; }

    /// <summary>Parameters whose strings or lists the callee allocates room for on every call.</summary>
    public List<string> ReallocParameters { get; set; } = new();

    /// <summary>The callee allocates the spilled parameters' area on every call.</summary>
    public bool ReallocForSpilledParameters { get; set; }

    /// <summary>The caller's allocator receives the result's strings or lists on every call.</summary>
    public bool ReallocForResults { get; set; }

    /// <summary>The component's <c>cabi_realloc</c> runs on every call, for any of the reasons above.</summary>
    public bool AllocatesPerCall { get; set; }

    /// <summary>How many core values the result flattens to.</summary>
    public long FlatResultCount { get; set; }

    public bool ReturnPointer { get; set; }

    /// <summary>Bytes of results passed through the return area per call (0 when returned flat).</summary>
    public long ResultBytesThroughMemory { get; set; }

    public bool NeedsPostReturn { get; set; }

    public bool StringEncodingSensitive { get; set; }
}
