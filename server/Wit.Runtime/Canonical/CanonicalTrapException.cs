namespace Wit.Runtime.Canonical;

/// <summary>A trap of the Canonical ABI (<see cref="CanonicalTrap"/> says which), a <see cref="WasmException"/> of kind <see cref="WasmErrorKind.Trap"/>.</summary>
public sealed class CanonicalTrapException : WasmException
{
    public CanonicalTrapException(CanonicalTrap trap, string message)
        : base(WasmErrorKind.Trap, -1, message)
    {
        Trap = trap;
    }

    public CanonicalTrap Trap { get; }

    internal static CanonicalTrapException Of(CanonicalTrap trap, string message) => new(trap, message);
}
