using System.Collections.Generic;

namespace Wit.Core.Abi;

/// <summary>
/// What a function costs at the component boundary, for one direction: whether the callee's allocator
/// (<c>cabi_realloc</c>) runs on every call and for which parameters, whether parameters are spilled to memory and
/// results come back through a pointer, whether a post-return is needed to free results, the flat parameter count,
/// the fixed-size bytes copied through memory per call, and whether string encoding matters.
/// </summary>
public sealed class FunctionAbiFacts
{
    public FunctionAbiFacts(CoreSignature signature, IReadOnlyList<string> reallocParameters, bool reallocForSpilledParameters,
        bool reallocForResults, bool needsPostReturn, long parameterBytesThroughMemory, long resultBytesThroughMemory, bool stringEncodingSensitive)
    {
        Signature = signature;
        ReallocParameters = reallocParameters;
        ReallocForSpilledParameters = reallocForSpilledParameters;
        ReallocForResults = reallocForResults;
        NeedsPostReturn = needsPostReturn;
        ParameterBytesThroughMemory = parameterBytesThroughMemory;
        ResultBytesThroughMemory = resultBytesThroughMemory;
        StringEncodingSensitive = stringEncodingSensitive;
    }

    public CoreSignature Signature { get; }

    /// <summary>Parameters whose strings or lists the callee must allocate room for (lifting into an export).</summary>
    public IReadOnlyList<string> ReallocParameters { get; }

    /// <summary>More than 16 flat parameters: the callee allocates the parameter area (exports) or the caller spills it.</summary>
    public bool ReallocForSpilledParameters { get; }

    /// <summary>Results hold strings or lists the caller's allocator must receive (lowering an import).</summary>
    public bool ReallocForResults { get; }

    /// <summary>An export whose results hold allocations the callee frees after the caller has read them.</summary>
    public bool NeedsPostReturn { get; }

    public bool NeedsReturnPointer => Signature.ResultsThroughMemory;

    public long FlatParameterCount => Signature.FlatParameterCount;

    /// <summary>Bytes of spilled parameters written to memory per call (0 when passed flat).</summary>
    public long ParameterBytesThroughMemory { get; }

    /// <summary>Bytes of results passed through the return area per call (0 when returned flat).</summary>
    public long ResultBytesThroughMemory { get; }

    public bool StringEncodingSensitive { get; }

    /// <summary>True when every call allocates in the callee (lists or strings passed in, or spilled parameters).</summary>
    public bool AllocatesInCalleePerCall => ReallocParameters.Count > 0 || ReallocForSpilledParameters;
}
