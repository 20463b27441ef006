namespace Wit.Cli.Abi;

/// <summary>
/// The JSON document <c>wit abi</c> prints (and what its text output is rendered from): the package root, the memory
/// model, and exactly one of <see cref="Type"/>, <see cref="Function"/> or <see cref="World"/>.
/// </summary>
public sealed class AbiReport
{
    /// <summary>The package root as given on the command line.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary><c>memory32</c> or <c>memory64</c>.</summary>
    public string Memory { get; set; } = "memory32";

    public AbiTypeReport? Type { get; set; }

    public AbiFunctionReport? Function { get; set; }

    public AbiWorldReport? World { get; set; }
}
