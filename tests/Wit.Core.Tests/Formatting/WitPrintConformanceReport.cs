using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Wit.Core.Formatting;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;

namespace Wit.Core.Tests.Formatting;

/// <summary>
/// Our formatting of each wit-print case (<c>../shared/corpus/wit-print</c>) against the text wit-component's
/// printer gives for it. A case is a file <c>X.wit</c> with <c>X.wit.print</c>, or a directory whose root
/// <c>*.wit</c> files form one package, printed as a whole in one <c>.wit.print</c> file: for those the input is the
/// package's files concatenated in file-name order (the order wit-parser reads them in) with the <c>package</c>
/// declaration moved to the top, dependencies left out.
/// </summary>
public sealed class WitPrintConformanceReport
{
    private WitPrintConformanceReport(List<WitPrintCase> cases) => Cases = cases;

    public IReadOnlyList<WitPrintCase> Cases { get; }

    public static WitPrintConformanceReport Compute()
    {
        string root = Corpus.PathOf("wit-print");
        var cases = new List<WitPrintCase>();
        foreach (string print in Directory.EnumerateFiles(root, "*.wit.print").OrderBy(p => p, StringComparer.Ordinal))
        {
            string name = Path.GetFileName(print).Substring(0, Path.GetFileName(print).Length - ".wit.print".Length);
            cases.Add(Evaluate(name, Corpus.ReadText(Path.Combine(root, name + ".wit")), Corpus.ReadText(print)));
        }

        foreach (string directory in Directory.EnumerateDirectories(root).OrderBy(p => p, StringComparer.Ordinal))
        {
            var prints = Directory.GetFiles(directory, "*.wit.print");
            if (prints.Length != 1) continue;
            string name = Path.GetFileName(directory) + "/";
            cases.Add(Evaluate(name, ConcatenatePackage(directory), Corpus.ReadText(prints[0])));
        }

        return new WitPrintConformanceReport(cases);
    }

    /// <summary>
    /// wit-component's printer ends every interface with <c>}</c> and a blank line but every world with <c>}</c>
    /// alone, so a file whose last item is an interface ends with a blank line and consecutive worlds have no blank
    /// line between them. Our layout separates every top-level item by one blank line and ends with one line break;
    /// these two differences (and nothing else) are normalised in the expected text.
    /// </summary>
    public static string NormaliseUpstreamArtefacts(string print)
    {
        var lines = print.Split('\n').ToList();
        for (int i = 0; i + 1 < lines.Count; i++)
        {
            if (lines[i] == "}" && lines[i + 1].Length > 0) lines.Insert(i + 1, string.Empty);
        }

        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The report: one line per case, then the counts.</summary>
    public string Render()
    {
        var builder = new StringBuilder();
        builder.Append("wit fmt against wit-component's printer (../shared/corpus/wit-print)\n\n");
        foreach (var c in Cases)
        {
            string status = c.Outcome switch
            {
                WitPrintOutcome.Equal => "equal",
                WitPrintOutcome.EqualAfterArtefacts => "equal after normalising the printer's top-level blank lines",
                WitPrintOutcome.EqualButTheAuthorsBlankLines => "equal but for the author's blank lines, kept: " + c.Difference,
                _ => (c.SameLinesReordered ? "differs in order only: " : c.ExplainedByThePrinter ? "differs as the printer reorders, elaborates or adds commas: " : "differs: ") + c.Difference,
            };
            builder.Append(c.Name).Append(c.HasComments ? " (has comments)" : string.Empty).Append(": ").Append(status).Append('\n');
        }

        int equal = Cases.Count(c => c.Outcome == WitPrintOutcome.Equal);
        int artefacts = Cases.Count(c => c.Outcome == WitPrintOutcome.EqualAfterArtefacts);
        int authors = Cases.Count(c => c.Outcome == WitPrintOutcome.EqualButTheAuthorsBlankLines);
        int differs = Cases.Count(c => c.Outcome == WitPrintOutcome.Differs);
        int withoutComments = Cases.Count(c => !c.HasComments);
        int equalWithoutComments = Cases.Count(c => !c.HasComments && c.Outcome != WitPrintOutcome.Differs);
        builder.Append('\n');
        builder.Append(string.Create(CultureInfo.InvariantCulture,
            $"{Cases.Count} cases: {equal + artefacts + authors} equal ({equal} exactly, {artefacts} after normalising the printer's top-level blank lines, {authors} but for the author's blank lines), {differs} exceptions\n"));
        builder.Append(string.Create(CultureInfo.InvariantCulture,
            $"{withoutComments} cases without comments: {equalWithoutComments} equal, {withoutComments - equalWithoutComments} exceptions\n"));
        return builder.ToString();
    }

    private static WitPrintCase Evaluate(string name, string input, string print)
    {
        var tree = SyntaxTree.ParseWit(input);
        bool hasComments = FormatChecks.Comments(tree).Count > 0;
        string formatted = WitFormatter.Format(tree);
        if (formatted == print) return new WitPrintCase(name, hasComments, WitPrintOutcome.Equal, null, false);
        string expected = NormaliseUpstreamArtefacts(print);
        if (formatted == expected) return new WitPrintCase(name, hasComments, WitPrintOutcome.EqualAfterArtefacts, null, false);
        if (WithoutBlankLines(formatted) == WithoutBlankLines(expected))
        {
            return new WitPrintCase(name, hasComments, WitPrintOutcome.EqualButTheAuthorsBlankLines, FormatChecks.FirstDifference(expected, formatted), false);
        }

        return new WitPrintCase(name, hasComments, WitPrintOutcome.Differs, FormatChecks.FirstDifference(expected, formatted), SortedLines(expected) == SortedLines(formatted),
            ExplainedByThePrinter(formatted, expected));
    }

    private static readonly System.Text.RegularExpressions.Regex ElaboratedImport =
        new(@"^\s*import [a-z0-9:/@.\-]+;$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Whether the formatted text differs from the printed one only as the printer's work on a resolved package
    /// differs from a formatter's on the text: the same lines in another order (the printer puts interfaces before
    /// worlds, an interface's types before its functions, a world's imports before its exports), more <c>import x;</c>
    /// lines (a world elaborated with the interfaces its items depend on), and a comma after every member of a record,
    /// variant, enum or flags (the formatter keeps every token as written, so a last member without one stays so).
    /// Nothing of ours may be missing from the printed text.
    /// </summary>
    public static bool ExplainedByThePrinter(string formatted, string printed)
    {
        var ours = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in Normalised(formatted)) ours[line] = ours.TryGetValue(line, out int seen) ? seen + 1 : 1;
        foreach (string line in Normalised(printed))
        {
            if (ours.TryGetValue(line, out int count) && count > 0) ours[line] = count - 1;
            else if (!ElaboratedImport.IsMatch(line)) return false;
        }

        return ours.Values.All(count => count == 0);

        static IEnumerable<string> Normalised(string text) => text.Split('\n')
            .Where(line => line.Length > 0)
            .Select(line => line.EndsWith(",", StringComparison.Ordinal) ? line.Substring(0, line.Length - 1) : line);
    }

    private static string WithoutBlankLines(string text) => string.Join("\n", text.Split('\n').Where(line => line.Length > 0));

    /// <summary>The non-blank lines in ordinal order, to tell a difference of order alone from any other.</summary>
    private static string SortedLines(string text) =>
        string.Join("\n", text.Split('\n').Where(line => line.Length > 0).OrderBy(line => line, StringComparer.Ordinal));

    /// <summary>The root files of a package directory as one text, the <c>package</c> declaration first.</summary>
    private static string ConcatenatePackage(string directory)
    {
        string? declaration = null;
        var bodies = new List<string>();
        foreach (string file in Directory.GetFiles(directory, "*.wit").OrderBy(p => p, StringComparer.Ordinal))
        {
            string text = Corpus.ReadText(file);
            var root = SyntaxTree.ParseWit(text).Root;
            // Every file declares the package (or may): the first declaration is kept, once.
            foreach (var item in root.ChildNodes())
            {
                if (item.Kind != SyntaxKind.PackageDeclaration) continue;
                declaration ??= item.ToFullString();
                text = text.Remove(item.FullSpan.Start, item.FullSpan.Length);
                break;
            }

            bodies.Add(text);
        }

        return (declaration ?? string.Empty) + "\n" + string.Join("\n", bodies);
    }
}
