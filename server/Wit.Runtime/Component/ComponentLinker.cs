using System;
using System.Collections.Generic;
using Wit.Runtime.Canonical;

namespace Wit.Runtime.Component;

/// <summary>
/// A function the host gives a component as an import: called with the lifted arguments, it returns the result to
/// lower (null for a function without a result). Handles arrive and leave as the resource's <c>rep</c>; a trap is a
/// thrown <see cref="WasmException"/> or <see cref="CanonicalTrapException"/>.
/// </summary>
public delegate ComponentValue? ComponentHostFunction(ComponentValue[] arguments);

/// <summary>
/// What the host provides to a component's imports on our engine: functions and resource types by instance name
/// (<c>wasi:cli/stdout@0.2.0</c>) and member name (<c>get-stdout</c>, <c>[method]output-stream.write</c>), or by a
/// plain import name with an empty instance name. A versioned interface name also matches an import of a
/// semver-compatible version (same major version, or same minor version when the major is 0), as Wasmtime's linker does.
/// </summary>
public sealed class ComponentLinker
{
    private readonly Dictionary<(string Instance, string Name), ComponentHostFunction> _functions = new();
    private readonly Dictionary<(string Instance, string Name), ResourceType> _resources = new();

    /// <summary>The Canonical ABI state of the host side: the implementation of every host resource type.</summary>
    public CanonicalInstance Host { get; } = new();

    /// <summary>Defines a host resource type (compared by identity) and returns it; its handles carry the host's reps.</summary>
    public ResourceType DefineResource(string instance, string name, Action<uint>? destructor = null)
    {
        var type = new ResourceType(name, Host, destructor);
        _resources[(instance, name)] = type;
        return type;
    }

    /// <summary>
    /// Defines <paramref name="type"/>, already defined elsewhere, under another instance as well: the same resource
    /// that an interface's <c>use</c> brings in (<c>wasi:io/streams</c> exports <c>wasi:io/error</c>'s <c>error</c>).
    /// </summary>
    public void DefineResource(string instance, string name, ResourceType type) =>
        _resources[(instance, name)] = type ?? throw new ArgumentNullException(nameof(type));

    public void DefineFunction(string instance, string name, ComponentHostFunction function) =>
        _functions[(instance, name)] = function ?? throw new ArgumentNullException(nameof(function));

    public bool TryGetFunction(string instance, string name, out ComponentHostFunction function) =>
        TryGet(_functions, instance, name, out function!);

    public bool TryGetResource(string instance, string name, out ResourceType type) =>
        TryGet(_resources, instance, name, out type!);

    /// <summary>Whether anything is defined for <paramref name="instance"/> (or a semver-compatible version of it).</summary>
    public bool HasInstance(string instance)
    {
        foreach (var key in _functions.Keys) if (Matches(key.Instance, instance)) return true;
        foreach (var key in _resources.Keys) if (Matches(key.Instance, instance)) return true;
        return false;
    }

    private static bool TryGet<T>(Dictionary<(string, string), T> map, string instance, string name, out T? value)
    {
        if (map.TryGetValue((instance, name), out value)) return true;
        foreach (var pair in map)
        {
            if (pair.Key.Item2 == name && Matches(pair.Key.Item1, instance))
            {
                value = pair.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Whether a definition for <paramref name="defined"/> serves an import of <paramref name="imported"/>.</summary>
    public static bool Matches(string defined, string imported)
    {
        if (defined == imported) return true;
        int a = defined.IndexOf('@'), b = imported.IndexOf('@');
        if (a < 0 || b < 0 || !defined.AsSpan(0, a).SequenceEqual(imported.AsSpan(0, b))) return false;
        return CompatibleKey(defined[(a + 1)..]) is { } k && k == CompatibleKey(imported[(b + 1)..]);
    }

    // The part of a version that semver-compatible versions share: "1" for 1.x.y, "0.2" for 0.2.x, the whole version
    // for 0.0.x and for pre-releases.
    private static string? CompatibleKey(string version)
    {
        if (!ExternNames.IsSemver(version)) return null;
        if (version.Contains('-') || version.Contains('+')) return version;
        var parts = version.Split('.');
        if (parts[0] != "0") return parts[0];
        return parts[1] != "0" ? "0." + parts[1] : version;
    }
}
