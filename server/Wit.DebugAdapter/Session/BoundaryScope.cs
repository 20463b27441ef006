using System;

namespace Wit.DebugAdapter.Session;

/// <summary>
/// What an expression reads at a WIT boundary: the call's lifted arguments (and its result once returned) by
/// <see cref="WitPath"/>, and the debugged core instance's memory for memory reads.
/// </summary>
internal sealed class BoundaryScope(WitBoundary boundary, byte[]? memory) : IValueScope
{
    public byte[]? Memory => memory;

    public ExprValue? Lookup(string name) => WitPath.Evaluate(name, boundary)
        ?? throw new FormatException($"'{WitPath.Root(name)}' is not a value of {boundary.Name} (its parameters{(boundary.Returned ? " and result" : "")}: {WitPath.Names(boundary)})");
}
