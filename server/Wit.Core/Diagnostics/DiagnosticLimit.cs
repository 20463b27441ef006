using System.Collections.Generic;

namespace Wit.Core.Diagnostics;

/// <summary>
/// The most diagnostics one file reports, as compilers cap their errors: past the limit, one last diagnostic says how
/// many more there are (WIT0013), so a file of garbage costs the editor a bounded list.
/// </summary>
public static class DiagnosticLimit
{
    /// <summary>The diagnostics one file shows at most, before the final "and N more".</summary>
    public const int PerFile = 500;

    /// <summary>
    /// <paramref name="diagnostics"/> (in source order) when there are at most <paramref name="limit"/>; otherwise the
    /// first <paramref name="limit"/> and a WIT0013 at the first one left out, counting the rest.
    /// </summary>
    public static List<Diagnostic> Cap(List<Diagnostic> diagnostics, int limit = PerFile)
    {
        if (diagnostics.Count <= limit) return diagnostics;
        var first = diagnostics[limit];
        int more = diagnostics.Count - limit;
        var result = diagnostics.GetRange(0, limit);
        var message = SyntaxDiagnostics.MoreDiagnosticsNotShown(more);
        result.Add(new Diagnostic(message.Descriptor, message.Text, new Text.TextSpan(first.Span.Start, 0), document: first.Document));
        return result;
    }
}
