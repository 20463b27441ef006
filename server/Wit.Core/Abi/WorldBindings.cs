using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;

namespace Wit.Core.Abi;

/// <summary>
/// The core functions a component module targeting a world imports and exports, with their Canonical ABI
/// signatures (sync lowering for imports, sync lifting for exports, as upstream's dummy module uses) and upstream's
/// <c>cm32p2</c> names: imports from <c>cm32p2|ns:pkg/iface@M</c> (the version shortened to its compatibility
/// prefix), world-level functions from <c>cm32p2</c>, exports as <c>cm32p2|iface|f</c> and <c>cm32p2||f</c>, each
/// with its <c>_post</c>, plus resource drops, destructors and the intrinsics of exported resources.
/// </summary>
public static class WorldBindings
{
    private const string Prefix = "cm32p2";

    public static IReadOnlyList<CoreFunction> For(World world, CanonicalAbi abi)
    {
        var result = new List<CoreFunction>();
        var i32 = new[] { CoreValueType.I32 };
        var none = System.Array.Empty<CoreValueType>();
        CoreSignature Fixed(CoreValueType[] parameters, CoreValueType[] results) =>
            new(parameters, results, false, false, parameters.Length, results.Length);

        foreach (var entry in world.Imports)
        {
            var item = entry.Value;
            if (item.Interface is { } @interface)
            {
                string module = $"{Prefix}|{KeyName(entry.Key)}";
                foreach (var function in @interface.Functions.Values) AddFunction(result, abi, true, module, function.Name, function);
                foreach (var resource in OwnResources(@interface)) result.Add(new CoreFunction(true, module, $"{resource}_drop", Fixed(i32, none), null, CoreFunctionRole.ResourceDrop));
            }
            else if (item.Function is { } function)
            {
                AddFunction(result, abi, true, Prefix, function.Name, function);
            }
            else if (item.Type is { Kind: TypeDefinitionKind.Resource } resource)
            {
                result.Add(new CoreFunction(true, Prefix, $"{resource.Name}_drop", Fixed(i32, none), null, CoreFunctionRole.ResourceDrop));
            }
        }

        foreach (var entry in world.Exports)
        {
            var item = entry.Value;
            if (item.Interface is { } @interface)
            {
                string name = KeyName(entry.Key);
                foreach (var function in @interface.Functions.Values) AddExport(result, abi, $"{Prefix}|{name}|{function.Name}", function);
                foreach (var resource in OwnResources(@interface))
                {
                    result.Add(new CoreFunction(false, string.Empty, $"{Prefix}|{name}|{resource}_dtor", Fixed(i32, none), null, CoreFunctionRole.Destructor));
                    string intrinsics = $"{Prefix}|_ex_{name}";
                    result.Add(new CoreFunction(true, intrinsics, $"{resource}_drop", Fixed(i32, none), null, CoreFunctionRole.ResourceDrop));
                    result.Add(new CoreFunction(true, intrinsics, $"{resource}_new", Fixed(i32, i32), null, CoreFunctionRole.ResourceNew));
                    result.Add(new CoreFunction(true, intrinsics, $"{resource}_rep", Fixed(i32, i32), null, CoreFunctionRole.ResourceRep));
                }
            }
            else if (item.Function is { } function)
            {
                AddExport(result, abi, $"{Prefix}||{function.Name}", function);
            }
        }

        var pointer = abi.Memory64 ? CoreValueType.I64 : CoreValueType.I32;
        result.Add(new CoreFunction(false, string.Empty, $"{Prefix}_realloc", Fixed(new[] { pointer, pointer, pointer, pointer }, new[] { pointer }), null, CoreFunctionRole.Realloc));
        result.Add(new CoreFunction(false, string.Empty, $"{Prefix}_initialize", Fixed(none, none), null, CoreFunctionRole.Initialize));
        return result;
    }

    /// <summary>
    /// The name a world key has in core names: a plain name as is, an interface as <c>ns:pkg/name@v</c> with the
    /// version cut to what semver-compatible versions share (1.2.3 → 1, 0.2.12 → 0.2, 0.0.3 → 0.0.3; pre-releases kept).
    /// </summary>
    public static string KeyName(WorldKey key)
    {
        if (key.Name is { } plain) return plain;
        var @interface = key.Interface!;
        var package = @interface.Package!.Name;
        string name = $"{package.WithoutVersion}/{@interface.Name}";
        return package.Version is { } version ? $"{name}@{CompatibleVersion(version)}" : name;
    }

    public static string CompatibleVersion(string version)
    {
        if (version.IndexOf('-') >= 0 || version.IndexOf('+') >= 0) return version;
        var parts = version.Split('.');
        if (parts.Length != 3) return version;
        if (parts[0] != "0") return parts[0];
        if (parts[1] != "0") return $"0.{parts[1]}";
        return version;
    }

    private static IEnumerable<string> OwnResources(Interface @interface) =>
        @interface.Types.Values.Where(t => t.Kind == TypeDefinitionKind.Resource && ReferenceEquals(t.Owner.Interface, @interface)).Select(t => t.Name!);

    private static void AddFunction(List<CoreFunction> result, CanonicalAbi abi, bool isImport, string module, string name, Function function)
    {
        if (abi.Signature(function, isImport ? AbiVariant.SyncLower : AbiVariant.SyncLift) is { } signature)
            result.Add(new CoreFunction(isImport, module, name, signature, function, CoreFunctionRole.Function));
    }

    private static void AddExport(List<CoreFunction> result, CanonicalAbi abi, string name, Function function)
    {
        if (abi.Signature(function, AbiVariant.SyncLift) is not { } signature) return;
        result.Add(new CoreFunction(false, string.Empty, name, signature, function, CoreFunctionRole.Function));
        var post = new CoreSignature(signature.Results, System.Array.Empty<CoreValueType>(), false, false, signature.Results.Count, 0);
        result.Add(new CoreFunction(false, string.Empty, name + "_post", post, function, CoreFunctionRole.PostReturn));
    }
}
