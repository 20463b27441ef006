using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Semantics;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// One WIT function as derived into WITX: where it went (module and export name), which Canonical ABI direction its
/// signature follows, that signature, and the signature the witx ABI gives the derived function.
/// </summary>
public sealed class WitxDerivedFunction
{
    internal WitxDerivedFunction(Function function, string moduleName, string exportName, AbiVariant variant, CoreSignature? canonical)
    {
        Function = function;
        ModuleName = moduleName;
        ExportName = exportName;
        Variant = variant;
        Canonical = canonical;
    }

    /// <summary>The WIT function.</summary>
    public Function Function { get; }

    /// <summary>The WITX module (without <c>$</c>) the function is in.</summary>
    public string ModuleName { get; }

    /// <summary>The function's export name in that module: the core import or export name.</summary>
    public string ExportName { get; }

    /// <summary><see cref="AbiVariant.SyncLower"/> for imports, <see cref="AbiVariant.SyncLift"/> for exports.</summary>
    public AbiVariant Variant { get; }

    /// <summary>The Canonical ABI's core signature of the WIT function; null when it has none (unresolved types).</summary>
    public CoreSignature? Canonical { get; }

    /// <summary>The witx ABI's core signature of the derived function, once the derived text is resolved.</summary>
    public WitxCoreSignature? Witx { get; internal set; }

    /// <summary>True when both signatures exist and have the same parameters and results.</summary>
    public bool SignaturesMatch => Canonical is not null && Witx is not null
        && Canonical.Parameters.SequenceEqual(Witx.Parameters) && Canonical.Results.SequenceEqual(Witx.Results);

    public override string ToString() => $"{ModuleName} {ExportName}: {Canonical} / {Witx}";
}
