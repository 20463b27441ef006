using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Semantics;

namespace Wit.Cli.Abi;

/// <summary>Reads a function's core signatures and cost facts off the Canonical ABI engine into an <see cref="AbiFunctionReport"/>.</summary>
public static class AbiFunctionReportBuilder
{
    /// <summary>The report, or null with the reason in <paramref name="problem"/> when a parameter or the result has no layout.</summary>
    public static AbiFunctionReport? Create(string name, Function function, CanonicalAbi abi, out string problem)
    {
        // The engine flattens some types it cannot lay out (flags with more than 32 members, for one), so a function
        // is only described when every parameter and the result have a layout.
        if (FirstProblem(function, abi) is { } reason)
        {
            problem = reason;
            return null;
        }

        problem = string.Empty;
        var syncLift = abi.Signature(function, AbiVariant.SyncLift);
        var syncLower = abi.Signature(function, AbiVariant.SyncLower);
        var asyncLiftCallback = abi.Signature(function, AbiVariant.AsyncLiftCallback);
        var asyncLiftStackful = abi.Signature(function, AbiVariant.AsyncLiftStackful);
        var asyncLower = abi.Signature(function, AbiVariant.AsyncLower);
        var export = AbiFacts.For(function, abi, export: true);
        var import = AbiFacts.For(function, abi, export: false);
        if (syncLift is null || syncLower is null || asyncLiftCallback is null || asyncLiftStackful is null || asyncLower is null || export is null || import is null)
        {
            problem = "a parameter or the result has no core type";
            return null;
        }

        return new AbiFunctionReport
        {
            Name = name,
            Wit = WitTypeText.FormatFunction(function),
            Signatures = new AbiSignaturesReport
            {
                SyncLift = Signature(syncLift),
                SyncLower = Signature(syncLower),
                AsyncLiftCallback = Signature(asyncLiftCallback),
                AsyncLiftStackful = Signature(asyncLiftStackful),
                AsyncLower = Signature(asyncLower),
            },
            Export = Facts(export),
            Import = Facts(import),
        };
    }

    /// <summary>The core signature as the report spells it.</summary>
    public static AbiSignatureReport Signature(CoreSignature signature) => new()
    {
        Params = signature.Parameters.Select(CoreValueTypes.Name).ToList(),
        Results = signature.Results.Select(CoreValueTypes.Name).ToList(),
        ParametersSpilled = signature.ParametersSpilled,
        ResultsThroughMemory = signature.ResultsThroughMemory,
    };

    /// <summary>Whether the component's <c>cabi_realloc</c> runs on every call in the direction the facts describe.</summary>
    public static bool AllocatesPerCall(FunctionAbiFacts facts) => facts.AllocatesInCalleePerCall || facts.ReallocForResults;

    private static AbiFactsReport Facts(FunctionAbiFacts facts) => new()
    {
        FlatParameterCount = facts.FlatParameterCount,
        ParametersSpilled = facts.Signature.ParametersSpilled,
        ParameterBytesThroughMemory = facts.ParameterBytesThroughMemory,
        ReallocParameters = facts.ReallocParameters.ToList(),
        ReallocForSpilledParameters = facts.ReallocForSpilledParameters,
        ReallocForResults = facts.ReallocForResults,
        AllocatesPerCall = AllocatesPerCall(facts),
        FlatResultCount = facts.Signature.FlatResultCount,
        ReturnPointer = facts.NeedsReturnPointer,
        ResultBytesThroughMemory = facts.ResultBytesThroughMemory,
        NeedsPostReturn = facts.NeedsPostReturn,
        StringEncodingSensitive = facts.StringEncodingSensitive,
    };

    /// <summary>Names the first parameter (or the result) whose type the engine cannot lay out, with the engine's reason.</summary>
    private static string? FirstProblem(Function function, CanonicalAbi abi)
    {
        foreach (var parameter in function.Parameters)
        {
            if (Reason(parameter.Type, abi) is { } reason) return $"parameter `{parameter.Name}` has no layout: {reason}";
        }

        return function.Result is { } result && Reason(result, abi) is { } resultReason ? $"the result has no layout: {resultReason}" : null;
    }

    private static string? Reason(WitType? type, CanonicalAbi abi)
    {
        if (type is not { } t) return "the type did not resolve";
        if (abi.Layout(t) is not null && abi.Flatten(t) is not null) return null;
        return t.Definition is { } definition ? abi.Problem(definition) ?? "the type has no layout" : "the type has no layout";
    }
}
