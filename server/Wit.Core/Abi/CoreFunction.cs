namespace Wit.Core.Abi;

/// <summary>
/// One function of the core module a component built for a world would have: an import the component lowers, or an
/// export it lifts (including the post-return, destructor and resource intrinsics the Canonical ABI adds), named as
/// upstream names it (the <c>cm32p2</c> scheme).
/// </summary>
public sealed class CoreFunction
{
    public CoreFunction(bool isImport, string module, string name, CoreSignature signature, Semantics.Function? source, CoreFunctionRole role)
    {
        IsImport = isImport;
        Module = module;
        Name = name;
        Signature = signature;
        Source = source;
        Role = role;
    }

    public bool IsImport { get; }

    /// <summary>The import module; for exports, empty (the export name carries everything).</summary>
    public string Module { get; }

    public string Name { get; }

    public CoreSignature Signature { get; }

    /// <summary>The WIT function this core function lowers or lifts, when there is one.</summary>
    public Semantics.Function? Source { get; }

    public CoreFunctionRole Role { get; }

    public override string ToString() => IsImport ? $"(import \"{Module}\" \"{Name}\" {Signature})" : $"(export \"{Name}\" {Signature})";
}
