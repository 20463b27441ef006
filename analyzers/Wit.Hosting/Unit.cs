using System;

namespace Wit.Hosting;

/// <summary>
/// The absence of a value: the <c>ok</c> or <c>err</c> side of a <c>result</c> that carries no payload
/// (<c>result&lt;_, E&gt;</c> is <see cref="Result{TOk, TErr}"/> of <see cref="Unit"/> and <c>E</c>).
/// </summary>
public readonly struct Unit : IEquatable<Unit>
{
    /// <summary>The only value.</summary>
    public static readonly Unit Value = default;

    /// <inheritdoc />
    public bool Equals(Unit other) => true;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Unit;

    /// <inheritdoc />
    public override int GetHashCode() => 0;

    /// <inheritdoc />
    public override string ToString() => "()";

    /// <summary>Always true: there is one value.</summary>
    public static bool operator ==(Unit left, Unit right) => true;

    /// <summary>Always false: there is one value.</summary>
    public static bool operator !=(Unit left, Unit right) => false;
}
