using System;
using System.Collections.Generic;

namespace Wit.Hosting;

// Conversions between compound WIT values and their C# types, one element at a time through a delegate: what generated
// code composes for list<T>, option<T>, result<T, E> and tuples, whatever their elements are.
public readonly partial struct WitValue
{
    /// <summary>A <c>list&lt;T&gt;</c> of <paramref name="items"/>, each converted by <paramref name="item"/>.</summary>
    public static WitValue FromArray<T>(T[] items, Func<T, WitValue> item)
    {
        if (items is null) throw new ArgumentNullException(nameof(items), "A WIT list cannot be null.");
        var values = new WitValue[items.Length];
        for (int i = 0; i < values.Length; i++) values[i] = item(items[i]);
        return List(values);
    }

    /// <summary>An <c>option</c> of an option (<see cref="Option{T}"/>), its payload converted by <paramref name="payload"/>.</summary>
    public static WitValue FromOption<T>(Option<T> option, Func<T, WitValue> payload) => option.HasValue ? Some(payload(option.Value)) : None;

    /// <summary>A <c>result</c>, its payload converted by <paramref name="ok"/> or <paramref name="err"/> (null: the side has none).</summary>
    public static WitValue FromResult<TOk, TErr>(Result<TOk, TErr> result, Func<TOk, WitValue>? ok, Func<TErr, WitValue>? err) =>
        result.IsOk ? Ok(ok is null ? null : ok(result.Ok)) : Err(err is null ? null : err(result.Err));

    /// <summary>A <c>map&lt;K, V&gt;</c> of <paramref name="map"/>'s entries in its order, each key and value converted by <paramref name="key"/> and <paramref name="value"/>.</summary>
    public static WitValue FromDictionary<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> map, Func<TKey, WitValue> key, Func<TValue, WitValue> value)
    {
        if (map is null) throw new ArgumentNullException(nameof(map), "A WIT map cannot be null.");
        var keys = new WitValue[map.Count];
        var values = new WitValue[keys.Length];
        int i = 0;
        foreach (var entry in map)
        {
            keys[i] = key(entry.Key);
            values[i++] = value(entry.Value);
        }

        return Map(keys, values);
    }

    /// <summary>
    /// The <c>map</c> this is as a <see cref="Dictionary{TKey, TValue}"/>, each key and value converted by
    /// <paramref name="key"/> and <paramref name="value"/>; a later entry with a key already seen replaces the earlier one.
    /// </summary>
    public Dictionary<TKey, TValue> AsDictionary<TKey, TValue>(Func<WitValue, TKey> key, Func<WitValue, TValue> value)
        where TKey : notnull
    {
        var keys = MapKeys();
        var values = MapValues();
        var map = new Dictionary<TKey, TValue>(keys.Count);
        for (int i = 0; i < keys.Count; i++) map[key(keys[i])] = value(values[i]);
        return map;
    }

    /// <summary>The <c>list</c> this is as an array, each item converted by <paramref name="item"/>.</summary>
    public T[] AsArray<T>(Func<WitValue, T> item)
    {
        var values = (WitValue[])AsList();
        var items = new T[values.Length];
        for (int i = 0; i < items.Length; i++) items[i] = item(values[i]);
        return items;
    }

    /// <summary>The <c>option</c> this is as <c>T?</c> of a value type, its payload converted by <paramref name="payload"/>.</summary>
    public T? AsNullable<T>(Func<WitValue, T> payload) where T : struct => IsSome ? payload(RequiredPayload()) : null;

    /// <summary>The <c>option</c> this is as <c>T?</c> of a reference type, its payload converted by <paramref name="payload"/>.</summary>
    public T? AsNullableReference<T>(Func<WitValue, T> payload) where T : class => IsSome ? payload(RequiredPayload()) : null;

    /// <summary>The <c>option</c> of an option this is as <see cref="Option{T}"/>, its payload converted by <paramref name="payload"/>.</summary>
    public Option<T> AsOption<T>(Func<WitValue, T> payload) => IsSome ? Option<T>.Some(payload(RequiredPayload())) : Option<T>.None;

    /// <summary>
    /// The <c>result</c> this is, its payload converted by <paramref name="ok"/> or <paramref name="err"/> (a side
    /// without payload is given <c>default</c> and returns <see cref="Unit.Value"/>).
    /// </summary>
    public Result<TOk, TErr> AsResult<TOk, TErr>(Func<WitValue, TOk> ok, Func<WitValue, TErr> err) =>
        IsOk ? Result<TOk, TErr>.FromOk(ok(Payload ?? default)) : Result<TOk, TErr>.FromErr(err(Payload ?? default));

    /// <summary>The <c>tuple</c> this is, built from its items by <paramref name="build"/>.</summary>
    public T AsTuple<T>(Func<IReadOnlyList<WitValue>, T> build) => build(AsTuple());
}
