namespace Wit.Core.Abi;

/// <summary>Which core signature of a function: the Canonical ABI's lift and lower, sync or async.</summary>
public enum AbiVariant
{
    SyncLift,
    SyncLower,
    AsyncLiftCallback,
    AsyncLiftStackful,
    AsyncLower,
}
