using System;
using System.Collections.Generic;

namespace Wit.Hosting;

/// <summary>
/// WIT's <c>option&lt;T&gt;</c> where C#'s <c>T?</c> cannot say it: an option of an option
/// (<c>option&lt;option&lt;u32&gt;&gt;</c> is <c>Option&lt;uint?&gt;</c>, so that <c>some(none)</c> and <c>none</c> differ).
/// Every other option maps to <c>T?</c>.
/// </summary>
/// <typeparam name="T">The payload's C# type.</typeparam>
public readonly struct Option<T> : IEquatable<Option<T>>
{
    private readonly T _value;

    private Option(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary><c>none</c>.</summary>
    public static Option<T> None => default;

    /// <summary>Whether this is <c>some</c>.</summary>
    public bool HasValue { get; }

    /// <summary>The payload of <c>some</c>; throws <see cref="InvalidOperationException"/> on <c>none</c>.</summary>
    public T Value => HasValue ? _value : throw new InvalidOperationException("The option is none.");

    /// <summary><c>some(value)</c>.</summary>
    public static Option<T> Some(T value) => new(value);

    /// <inheritdoc />
    public bool Equals(Option<T> other) =>
        HasValue == other.HasValue && (!HasValue || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Option<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HasValue ? HashCode.Combine(1, _value) : 0;

    /// <inheritdoc />
    public override string ToString() => HasValue ? $"some({_value})" : "none";

    /// <summary>Equality of both the case and the payload.</summary>
    public static bool operator ==(Option<T> left, Option<T> right) => left.Equals(right);

    /// <summary>Inequality of the case or the payload.</summary>
    public static bool operator !=(Option<T> left, Option<T> right) => !left.Equals(right);
}
