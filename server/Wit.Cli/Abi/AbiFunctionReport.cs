namespace Wit.Cli.Abi;

/// <summary>One function: its WIT signature, its five core signatures and what it costs in each direction.</summary>
public sealed class AbiFunctionReport
{
    /// <summary>Where the function is defined and its name: <c>ns:pkg/iface@v.[method]r.f</c>, or <c>world.f</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The function's type as WIT: <c>func(a: string) -> u32</c>.</summary>
    public string Wit { get; set; } = string.Empty;

    public AbiSignaturesReport Signatures { get; set; } = new();

    /// <summary>Called as an export: the host lowers the arguments into the component, which lifts them.</summary>
    public AbiFactsReport Export { get; set; } = new();

    /// <summary>Called as an import: the component lowers the arguments, the host lifts them.</summary>
    public AbiFactsReport Import { get; set; } = new();
}
