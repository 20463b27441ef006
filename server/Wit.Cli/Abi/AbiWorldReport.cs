using System.Collections.Generic;

namespace Wit.Cli.Abi;

/// <summary>The core imports and exports of a module targeting a world, and how many of its functions cost what.</summary>
public sealed class AbiWorldReport
{
    /// <summary>The world as <c>ns:pkg/name</c>.</summary>
    public string Name { get; set; } = string.Empty;

    public List<AbiCoreFunctionReport> Imports { get; set; } = new();

    public List<AbiCoreFunctionReport> Exports { get; set; } = new();

    public AbiWorldSummaryReport Summary { get; set; } = new();
}
