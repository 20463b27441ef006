using System;
using Wit.Core.Diagnostics;

namespace Wit.Conformance.Tests.Report;

/// <summary>
/// Decides whether wit-parser would have raised an error while parsing the root package itself (its files' syntax
/// and the resolution inside the package), which upstream reports under <c>failed to parse package: ROOT: </c>, or
/// later, while linking packages, which it reports without that context. The resolver does not record the phase, so
/// this is a heuristic from the diagnostic's file and message: errors in <c>deps/</c> and the messages of upstream's
/// linking step (foreign names not found, foreign handles, package cycles and duplicates, includes, world
/// elaboration) are not the root's own.
/// </summary>
public static class RootPackageParse
{
    /// <summary>How messages of upstream's linking step begin.</summary>
    private static readonly string[] LinkingPrefixes =
    {
        "package '", "interface '", "world '", "type used in a handle must be a resource", "no import or export kebab-name",
    };

    /// <summary>What else only messages of upstream's linking step contain.</summary>
    private static readonly string[] LinkingFragments =
    {
        "creates a dependency cycle", "is defined in two different locations", "transitively depends on an interface",
        "shadows previously", "not defined in interface", "not found in package",
    };

    public static bool Contains(Diagnostic diagnostic, string rootPath)
    {
        string? file = diagnostic.Document?.Path?.Replace('\\', '/');
        string root = rootPath.TrimEnd('/') + "/";
        if (file is null || !file.StartsWith(root, StringComparison.Ordinal) || file.StartsWith(root + "deps/", StringComparison.Ordinal)) return false;
        if (diagnostic.Code.StartsWith("WIT0", StringComparison.Ordinal)) return true;
        foreach (string prefix in LinkingPrefixes)
        {
            if (diagnostic.Message.StartsWith(prefix, StringComparison.Ordinal)) return false;
        }

        foreach (string fragment in LinkingFragments)
        {
            if (diagnostic.Message.Contains(fragment, StringComparison.Ordinal)) return false;
        }

        return true;
    }
}
