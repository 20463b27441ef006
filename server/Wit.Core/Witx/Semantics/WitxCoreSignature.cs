using System.Collections.Generic;
using System.Linq;
using Wit.Core.Abi;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// The core WebAssembly type of a WITX function under the witx crate's (preview1) ABI: one core value per parameter
/// (two for a list: pointer and length), and for a result one core value, plus, for an <c>expected</c> result with an
/// <c>ok</c> payload, one out-pointer parameter per value returned through memory.
/// </summary>
public sealed class WitxCoreSignature
{
    /// <summary>A signature of the given core parameters (out-pointers included) and results.</summary>
    public WitxCoreSignature(IReadOnlyList<CoreValueType> parameters, IReadOnlyList<CoreValueType> results, int returnPointerCount)
    {
        Parameters = parameters;
        Results = results;
        ReturnPointerCount = returnPointerCount;
    }

    /// <summary>The core parameters, out-pointers last.</summary>
    public IReadOnlyList<CoreValueType> Parameters { get; }

    /// <summary>The core results: none, or one (an <c>expected</c>'s error code, or the scalar result).</summary>
    public IReadOnlyList<CoreValueType> Results { get; }

    /// <summary>How many of the last parameters are out-pointers the callee writes the <c>ok</c> payload through.</summary>
    public int ReturnPointerCount { get; }

    public override string ToString() =>
        $"(func (param {string.Join(" ", Parameters.Select(CoreValueTypes.Name))}) (result {string.Join(" ", Results.Select(CoreValueTypes.Name))}))";
}
