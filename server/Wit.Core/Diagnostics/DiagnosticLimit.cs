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

    /// <summary>
    /// <paramref name="diagnostics"/> of several documents in their order, keeping the first <paramref name="limit"/>
    /// of each document; each document that had more gets one WIT0013 at its first omitted diagnostic, after the rest.
    /// </summary>
    public static List<Diagnostic> CapPerDocument(IReadOnlyList<Diagnostic> diagnostics, int limit = PerFile)
    {
        var counts = new Dictionary<object, int>();
        var omitted = new List<(Diagnostic First, int Count)>();
        var omittedIndex = new Dictionary<object, int>();
        var result = new List<Diagnostic>(System.Math.Min(diagnostics.Count, limit));
        object noDocument = new();
        foreach (var diagnostic in diagnostics)
        {
            object key = (object?)diagnostic.Document ?? noDocument;
            int count = counts.TryGetValue(key, out int seen) ? seen + 1 : 1;
            counts[key] = count;
            if (count <= limit)
            {
                result.Add(diagnostic);
            }
            else if (omittedIndex.TryGetValue(key, out int index))
            {
                omitted[index] = (omitted[index].First, omitted[index].Count + 1);
            }
            else
            {
                omittedIndex[key] = omitted.Count;
                omitted.Add((diagnostic, 1));
            }
        }

        foreach (var (first, count) in omitted)
        {
            var message = SyntaxDiagnostics.MoreDiagnosticsNotShown(count);
            result.Add(new Diagnostic(message.Descriptor, message.Text, new Text.TextSpan(first.Span.Start, 0), document: first.Document));
        }

        return result;
    }
}
