using System.Collections.Generic;

namespace Wit.Cli.Abi;

/// <summary>One core function import or export, named as upstream's <c>cm32p2</c> scheme names it.</summary>
public sealed class AbiCoreFunctionReport
{
    /// <summary>The import module; null for exports.</summary>
    public string? Module { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Why it exists: <c>function</c>, <c>post-return</c>, <c>resource-drop</c>, <c>resource-new</c>, <c>resource-rep</c>, <c>destructor</c>, <c>realloc</c>, <c>initialize</c>.</summary>
    public string Role { get; set; } = string.Empty;

    public List<string> Params { get; set; } = new();

    public List<string> Results { get; set; } = new();
}
