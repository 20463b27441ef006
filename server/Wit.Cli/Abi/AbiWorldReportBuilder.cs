using System.Collections.Generic;
using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Semantics;

namespace Wit.Cli.Abi;

/// <summary>
/// Lists a world's core imports and exports (as <see cref="WorldBindings"/> names them) and counts what its
/// functions cost, each function in the direction the world uses it.
/// </summary>
public static class AbiWorldReportBuilder
{
    public static AbiWorldReport Create(string name, World world, CanonicalAbi abi)
    {
        var report = new AbiWorldReport { Name = name };
        foreach (var core in WorldBindings.For(world, abi))
        {
            var entry = new AbiCoreFunctionReport
            {
                Module = core.IsImport ? core.Module : null,
                Name = core.Name,
                Role = RoleName(core.Role),
                Params = core.Signature.Parameters.Select(CoreValueTypes.Name).ToList(),
                Results = core.Signature.Results.Select(CoreValueTypes.Name).ToList(),
            };
            (core.IsImport ? report.Imports : report.Exports).Add(entry);
        }

        var summary = report.Summary;
        foreach (var (function, export) in Functions(world))
        {
            if (export) summary.Exported++;
            else summary.Imported++;
            if (AbiFacts.For(function, abi, export) is not { } facts) continue;
            if (AbiFunctionReportBuilder.AllocatesPerCall(facts)) summary.AllocatePerCall++;
            if (facts.Signature.ParametersSpilled) summary.SpillParameters++;
            if (facts.NeedsReturnPointer) summary.ReturnThroughMemory++;
            if (facts.NeedsPostReturn) summary.NeedPostReturn++;
        }

        summary.Functions = summary.Imported + summary.Exported;
        return report;
    }

    /// <summary>The name of a role in the JSON and text output.</summary>
    public static string RoleName(CoreFunctionRole role) => role switch
    {
        CoreFunctionRole.Function => "function",
        CoreFunctionRole.PostReturn => "post-return",
        CoreFunctionRole.ResourceDrop => "resource-drop",
        CoreFunctionRole.ResourceNew => "resource-new",
        CoreFunctionRole.ResourceRep => "resource-rep",
        CoreFunctionRole.Destructor => "destructor",
        CoreFunctionRole.Realloc => "realloc",
        _ => "initialize",
    };

    /// <summary>Every function the world imports or exports, directly or through an interface, with its direction.</summary>
    private static IEnumerable<(Function Function, bool Export)> Functions(World world)
    {
        foreach (var (items, export) in new[] { (world.Imports, false), (world.Exports, true) })
        {
            foreach (var entry in items)
            {
                if (entry.Value.Interface is { } @interface)
                {
                    foreach (var function in @interface.Functions.Values) yield return (function, export);
                }
                else if (entry.Value.Function is { } function)
                {
                    yield return (function, export);
                }
            }
        }
    }
}
