namespace Wit.Cli.Abi;

/// <summary>The core signatures of a function for each way the Canonical ABI can lift or lower it.</summary>
public sealed class AbiSignaturesReport
{
    public AbiSignatureReport SyncLift { get; set; } = new();

    public AbiSignatureReport SyncLower { get; set; } = new();

    public AbiSignatureReport AsyncLiftCallback { get; set; } = new();

    public AbiSignatureReport AsyncLiftStackful { get; set; } = new();

    public AbiSignatureReport AsyncLower { get; set; } = new();
}
