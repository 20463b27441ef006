using Wit.Core.Lint;
using Wit.Core.Semantics;
using Wit.Core.Workspace;

namespace Wit.Ide;

/// <summary>What the user configured: enabled <c>@unstable</c> features, lint severities, and display preferences.</summary>
public sealed class IdeOptions
{
    public static readonly IdeOptions Default = new();

    public IdeOptions(ResolveOptions? resolve = null, LintOptions? lint = null, bool lintEnabled = true, bool memory64 = false, IPackageDecoder? packageDecoder = null)
    {
        PackageDecoder = packageDecoder;
        Resolve = resolve ?? ResolveOptions.Default;
        Lint = lint ?? LintOptions.Default;
        LintEnabled = lintEnabled;
        Memory64 = memory64;
    }

    /// <summary>Feature gates for the resolver (<c>@unstable(feature = ...)</c>).</summary>
    public ResolveOptions Resolve { get; }

    public LintOptions Lint { get; }

    /// <summary>Whether lint diagnostics (<c>WIT2xxx</c>) are reported at all.</summary>
    public bool LintEnabled { get; }

    /// <summary>Whether ABI facts are shown for memory64 instead of memory32.</summary>
    public bool Memory64 { get; }

    /// <summary>
    /// What decodes <c>.wasm</c> packages in <c>deps/</c> (the host's: the language server passes the runtime's), or
    /// null to report them as unsupported.
    /// </summary>
    public IPackageDecoder? PackageDecoder { get; }
}
