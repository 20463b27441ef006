using System;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;

namespace Wit.Conformance.Tests.Report;

/// <summary>
/// Whether wit-parser would have raised an error while parsing the root package itself (its files' syntax and the
/// resolution inside the package), which upstream reports under <c>failed to parse package: ROOT: </c>, or later,
/// while sorting and linking packages, which it reports without that context: an error of the root's own files (not
/// its <c>deps/</c>) that the resolver met before linking (<see cref="WitModel.IsMetAfterParsing"/>).
/// </summary>
public static class RootPackageParse
{
    public static bool Contains(WitModel model, Diagnostic diagnostic, string rootPath)
    {
        string? file = diagnostic.Document?.Path?.Replace('\\', '/');
        string root = rootPath.TrimEnd('/') + "/";
        if (file is null || !file.StartsWith(root, StringComparison.Ordinal) || file.StartsWith(root + "deps/", StringComparison.Ordinal)) return false;
        return !model.IsMetAfterParsing(diagnostic);
    }
}
