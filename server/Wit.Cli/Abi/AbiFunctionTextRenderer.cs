using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Wit.Cli.Abi;

/// <summary>
/// Renders a function: its WIT type, its five core signatures, and what a call costs when the function is an
/// export and when it is an import, in plain words with numbers.
/// </summary>
public static class AbiFunctionTextRenderer
{
    public static void Render(AbiFunctionReport function, string memory, StringBuilder builder)
    {
        builder.Append("func ").Append(function.Name).Append(" (").Append(memory).Append(")\n");
        builder.Append("  ").Append(function.Wit).Append("\n\n");

        builder.Append("core signatures\n");
        var signatures = function.Signatures;
        AbiTextRenderer.AppendLabels(builder, "  ", new List<(string, string)>
        {
            ("sync lift", CoreType(signatures.SyncLift)),
            ("sync lower", CoreType(signatures.SyncLower)),
            ("async lift, callback", CoreType(signatures.AsyncLiftCallback)),
            ("async lift, stackful", CoreType(signatures.AsyncLiftStackful)),
            ("async lower", CoreType(signatures.AsyncLower)),
        });

        builder.Append("\ncalled as an export (the host lowers the arguments into the component, which lifts them)\n");
        foreach (string line in Facts(function.Export)) builder.Append("  - ").Append(line).Append('\n');
        builder.Append("\ncalled as an import (the component lowers the arguments, the host lifts them)\n");
        foreach (string line in Facts(function.Import)) builder.Append("  - ").Append(line).Append('\n');
    }

    /// <summary>The facts of one direction as sentences, most expensive first within parameters and results.</summary>
    public static IEnumerable<string> Facts(AbiFactsReport facts)
    {
        string parameters = AbiTextRenderer.Count(facts.FlatParameterCount, "flat parameter");
        if (facts.ParametersSpilled)
        {
            string spilled = $"{parameters}: spilled to memory ({AbiTextRenderer.Count(facts.ParameterBytesThroughMemory, "byte")})";
            yield return facts.ReallocForSpilledParameters ? spilled + ", which the callee allocates on every call" : spilled;
        }
        else
        {
            yield return facts.FlatParameterCount switch
            {
                0 => "no parameters",
                1 => $"{parameters}: passed as a core value",
                _ => $"{parameters}: passed as core values",
            };
        }

        if (facts.ReallocParameters.Count > 0)
        {
            string names = string.Join(", ", facts.ReallocParameters.Select(p => $"`{p}`"));
            yield return $"allocates in the callee on every call: {(facts.ReallocParameters.Count == 1 ? "parameter" : "parameters")} {names} (strings/lists)";
        }

        if (facts.ReturnPointer) yield return $"returns through a pointer ({AbiTextRenderer.Count(facts.ResultBytesThroughMemory, "byte")})";
        else yield return facts.FlatResultCount == 0 ? "returns nothing" : $"returns {AbiTextRenderer.Count(facts.FlatResultCount, "flat value")}";
        if (facts.ReallocForResults) yield return "allocates in the caller on every call: the result holds strings/lists";
        if (facts.NeedsPostReturn) yield return "needs post-return: the callee frees the result's strings/lists after the caller has read them";
        if (!facts.AllocatesPerCall) yield return "allocates nothing per call";
        if (facts.StringEncodingSensitive) yield return "string-encoding sensitive: strings are transcoded when the two sides' encodings differ";
    }

    private static string CoreType(AbiSignatureReport signature) => AbiTextRenderer.CoreType(signature.Params, signature.Results);
}
