using System.Collections.Generic;
using System.Linq;

namespace Wit.Core.Abi;

/// <summary>
/// The core function type of a WIT function in one direction, with the Canonical ABI's decisions: whether the
/// parameters were spilled to memory (more flat values than the limit) and whether results come back through a
/// pointer (a return area the callee fills, for lifts; one the caller passes, for lowers).
/// </summary>
public sealed class CoreSignature
{
    public CoreSignature(IReadOnlyList<CoreValueType> parameters, IReadOnlyList<CoreValueType> results, bool parametersSpilled,
        bool resultsThroughMemory, long flatParameterCount, long flatResultCount)
    {
        Parameters = parameters;
        Results = results;
        ParametersSpilled = parametersSpilled;
        ResultsThroughMemory = resultsThroughMemory;
        FlatParameterCount = flatParameterCount;
        FlatResultCount = flatResultCount;
    }

    public IReadOnlyList<CoreValueType> Parameters { get; }

    public IReadOnlyList<CoreValueType> Results { get; }

    public bool ParametersSpilled { get; }

    public bool ResultsThroughMemory { get; }

    /// <summary>The flat parameter count before spilling.</summary>
    public long FlatParameterCount { get; }

    public long FlatResultCount { get; }

    public override string ToString() =>
        $"(func (param {string.Join(" ", Parameters.Select(CoreValueTypes.Name))}) (result {string.Join(" ", Results.Select(CoreValueTypes.Name))}))";
}
