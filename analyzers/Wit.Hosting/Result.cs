using System;
using System.Collections.Generic;

namespace Wit.Hosting;

/// <summary>
/// WIT's <c>result&lt;T, E&gt;</c>: either <c>ok</c> with a <typeparamref name="TOk"/> or <c>err</c> with a
/// <typeparamref name="TErr"/>; a side without a payload is <see cref="Unit"/>. Hosts return it rather than throw, so
/// that a WIT error stays a value and an exception stays a trap.
/// </summary>
/// <typeparam name="TOk">The <c>ok</c> payload's C# type.</typeparam>
/// <typeparam name="TErr">The <c>err</c> payload's C# type.</typeparam>
public readonly struct Result<TOk, TErr> : IEquatable<Result<TOk, TErr>>
{
    private readonly TOk _ok;
    private readonly TErr _err;

    private Result(bool isOk, TOk ok, TErr err)
    {
        IsOk = isOk;
        _ok = ok;
        _err = err;
    }

    /// <summary>Whether this is <c>ok</c>.</summary>
    public bool IsOk { get; }

    /// <summary>Whether this is <c>err</c>.</summary>
    public bool IsErr => !IsOk;

    /// <summary>The <c>ok</c> payload; throws <see cref="InvalidOperationException"/> on <c>err</c>.</summary>
    public TOk Ok => IsOk ? _ok : throw new InvalidOperationException($"The result is err({_err}).");

    /// <summary>The <c>err</c> payload; throws <see cref="InvalidOperationException"/> on <c>ok</c>.</summary>
    public TErr Err => IsOk ? throw new InvalidOperationException($"The result is ok({_ok}).") : _err;

    /// <summary><c>ok(value)</c>.</summary>
    public static Result<TOk, TErr> FromOk(TOk value) => new(true, value, default!);

    /// <summary><c>err(value)</c>.</summary>
    public static Result<TOk, TErr> FromErr(TErr value) => new(false, default!, value);

    /// <inheritdoc />
    public bool Equals(Result<TOk, TErr> other) =>
        IsOk == other.IsOk
        && (IsOk ? EqualityComparer<TOk>.Default.Equals(_ok, other._ok) : EqualityComparer<TErr>.Default.Equals(_err, other._err));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Result<TOk, TErr> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsOk ? HashCode.Combine(1, _ok) : HashCode.Combine(2, _err);

    /// <inheritdoc />
    public override string ToString() => IsOk ? $"ok({_ok})" : $"err({_err})";

    /// <summary>Equality of both the case and the payload.</summary>
    public static bool operator ==(Result<TOk, TErr> left, Result<TOk, TErr> right) => left.Equals(right);

    /// <summary>Inequality of the case or the payload.</summary>
    public static bool operator !=(Result<TOk, TErr> left, Result<TOk, TErr> right) => !left.Equals(right);
}
