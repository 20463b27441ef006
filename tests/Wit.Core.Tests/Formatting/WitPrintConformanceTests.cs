using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Formatting;
using Wit.Core.Tests.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Core.Tests.Formatting;

/// <summary>
/// <c>wit fmt</c> output against wit-component's printer for every wit-print case. The report goes to the test
/// output and to <c>artifacts/conformance/wit-fmt.txt</c>. Every case must equal the printed text (after normalising
/// the printer's top-level blank lines, see <see cref="WitPrintConformanceReport.NormaliseUpstreamArtefacts"/>) or be
/// one of the exceptions listed here with its reason, and every listed exception must still differ, so that both a
/// regression and a fixed exception fail the test.
/// </summary>
public sealed class WitPrintConformanceTests
{
    /// <summary>
    /// The cases whose printed text we do not reproduce, and why. The printer works on the resolved package, so it
    /// reorders (interfaces before worlds; in an interface, types before functions; in a world, imports, then types,
    /// then exports), elaborates (adds the imports a world's items depend on) and prints every comment as a doc
    /// comment. We keep the order as written and comments as they are.
    /// </summary>
    private static readonly Dictionary<string, (bool OrderOnly, string Reason)> Exceptions = new(StringComparer.Ordinal)
    {
        ["reference-out-of-order"] = (true, "upstream prints an interface's types before its functions"),
        ["simple-world"] = (true, "upstream prints interfaces before worlds"),
        ["world-top-level"] = (true, "upstream prints a world's imports (inline interfaces first), then its exports"),
        ["multi-doc/"] = (true, "upstream orders a package's interfaces by their dependencies"),
        ["world-pkg-conflict/"] = (true, "upstream prints interfaces before worlds"),
        ["worlds-with-types"] = (false, "upstream reorders (interfaces before worlds, a world's imports before its types) and elaborates (adds `import import-me;`, the interface a `use` names)"),
        ["diamond-disambiguate/"] = (false, "upstream elaborates (adds `import shared1;` and `import shared2;` before the inline interfaces that use them) and prints interfaces before worlds"),
        ["maps"] = (false, "has comments: upstream prints every comment as a doc comment (`//` becomes `///`); otherwise equal"),
        ["wasi-http/"] = (false, "has comments, which upstream prints as doc comments; upstream merges the files in dependency order and prints interfaces before worlds"),

        // Cases of wit-component's fuller test set (scripts/conformance-upstream-ui.sh), not in the corpus's sample.
        ["resources"] = (false, "upstream prints `own<T>` as `T`, prints an interface's types before its functions and elaborates (adds the imports a world's `use` needs)"),
        ["doc-comments/"] = (false, "has comments: upstream prints every doc comment, `/** */` ones too, as `///` lines"),
    };

    private static readonly Lazy<WitPrintConformanceReport> Report = new(WitPrintConformanceReport.Compute);

    private readonly ITestOutputHelper _output;

    public WitPrintConformanceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EveryCaseEqualsThePrintedTextOrIsAListedException()
    {
        var report = Publish();

        Assert.True(report.Cases.Count >= 25, $"only {report.Cases.Count} wit-print cases were found");
        // A case the list does not name may differ only as the printer's reordering, elaboration and commas explain
        // (the cases of the corpus's sample are all named; a fuller set of wit-component's tests has more).
        var unexpected = report.Cases
            .Where(c => c.Outcome == WitPrintOutcome.Differs && !Exceptions.ContainsKey(c.Name) && !c.ExplainedByThePrinter)
            .Select(c => $"{c.Name}: {c.Difference}")
            .ToList();
        Assert.True(unexpected.Count == 0, "cases that differ from the printed text:\n" + string.Join("\n", unexpected));
        var notOrderOnly = report.Cases
            .Where(c => Exceptions.TryGetValue(c.Name, out var exception) && exception.OrderOnly && !c.SameLinesReordered)
            .Select(c => c.Name)
            .ToList();
        Assert.True(notOrderOnly.Count == 0, "exceptions listed as differing in order only that differ otherwise too: " + string.Join(", ", notOrderOnly));
        var stale = Exceptions.Keys
            .Where(name => report.Cases.Any(c => c.Name == name && c.Outcome != WitPrintOutcome.Differs))
            .ToList();
        Assert.True(stale.Count == 0, "listed exceptions that no longer differ (remove them): " + string.Join(", ", stale));
    }

    [Fact]
    public void EveryCaseWithoutCommentsIsEqualUnlessUpstreamReordersOrElaboratesIt()
    {
        var report = Publish();

        var withoutComments = report.Cases.Where(c => !c.HasComments).ToList();
        Assert.True(withoutComments.Count >= 20, $"only {withoutComments.Count} cases without comments");
        foreach (var c in withoutComments)
        {
            if (c.Outcome != WitPrintOutcome.Differs || (!Exceptions.ContainsKey(c.Name) && c.ExplainedByThePrinter)) continue;
            Assert.True(Exceptions.TryGetValue(c.Name, out var exception), $"{c.Name}: {c.Difference}");
            Assert.True(exception.Reason.StartsWith("upstream ", StringComparison.Ordinal), $"{c.Name} has no comments, so it may differ only by upstream's order or elaboration");
        }
    }

    /// <summary>
    /// The formatter keeps the author's blank lines between members on lines of their own, so the printer's own
    /// layout is checked on its output: formatting each printed text gives it back (but for the blank line the
    /// printer leaves at the end of a file), blank lines, indentation and spacing included.
    /// </summary>
    [Fact]
    public void EveryPrintedTextIsLeftAsItIs()
    {
        var prints = Directory.EnumerateFiles(Corpus.PathOf("wit-print"), "*.wit.print", SearchOption.AllDirectories).ToList();
        Assert.True(prints.Count >= 25, $"only {prints.Count} printed texts");
        var changed = new List<string>();
        foreach (string path in prints)
        {
            string print = Corpus.ReadText(path).TrimEnd('\n') + "\n";
            string formatted = WitFormatter.Format(print);
            if (formatted != print) changed.Add($"{Corpus.Relative(path)}: {FormatChecks.FirstDifference(print, formatted)}");
        }

        Assert.True(changed.Count == 0, "printed texts the formatter changes:\n" + string.Join("\n", changed));
    }

    [Fact]
    public void NormalisingOnlyAddsBlankLinesBetweenWorldsAndTrimsTheEnd() => Assert.Equal(
        "package a:b;\n\ninterface i {\n}\n\nworld v {\n}\n\nworld w {\n}\n",
        WitPrintConformanceReport.NormaliseUpstreamArtefacts("package a:b;\n\ninterface i {\n}\n\nworld v {\n}\nworld w {\n}\n\n"));

    private WitPrintConformanceReport Publish()
    {
        var report = Report.Value;
        string rendered = report.Render() + "\nexceptions:\n"
            + string.Concat(Exceptions.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value.Reason}\n"));
        _output.WriteLine(rendered);
        File.WriteAllText(RepoPaths.Artifact("conformance", "wit-fmt.txt"), rendered);
        return report;
    }

    /// <summary>What the printer's work explains, on texts of our own: order, added `import x;` lines, member commas; nothing of ours missing.</summary>
    [Theory]
    [InlineData("world w {\n  import b;\n  import a: func();\n}\n", "world w {\n  import a: func();\n  import b;\n}\n", true)]
    [InlineData("world w {\n  import a: func();\n}\n", "world w {\n  import dep;\n  import foo:bar/x;\n  import a: func();\n}\n", true)]
    [InlineData("enum e {\n  a\n}\n", "enum e {\n  a,\n}\n", true)]
    [InlineData("world w {\n  import a: func();\n}\n", "world w {\n  import b: func();\n  import a: func();\n}\n", false)]
    [InlineData("world w {\n  import a: func();\n  import b;\n}\n", "world w {\n  import a: func();\n}\n", false)]
    [InlineData("interface i {\n  // c\n}\n", "interface i {\n  /// c\n}\n", false)]
    public void The_printer_explains_reordering_elaboration_and_commas_only(string formatted, string printed, bool explained) =>
        Assert.Equal(explained, WitPrintConformanceReport.ExplainedByThePrinter(formatted, printed));
}
