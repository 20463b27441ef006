namespace Wit.Cli.Abi;

/// <summary>Which option of <c>wit abi</c> named the target.</summary>
public enum AbiTargetKind
{
    /// <summary><c>--type IFACE.TYPE</c> (or <c>WORLD.TYPE</c>).</summary>
    Type,

    /// <summary><c>--func IFACE.FUNC</c> (or <c>WORLD.FUNC</c>).</summary>
    Function,

    /// <summary><c>--world WORLD</c>.</summary>
    World,
}
