using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Wit;

/// <summary>
/// Every WIT and WITX file of the corpus, valid or not, parses into a tree that prints back byte for byte. One fact
/// per corpus folder and language (facts over WITX files have "Witx" in their names, so the usual filter that leaves
/// out the WITX work in progress leaves them out too); each lists every failing file.
/// </summary>
public sealed class CorpusRoundTripTests
{
    /// <summary>The folders covered below; <see cref="EveryCorpusFileIsInACoveredFolder"/> keeps this list complete.</summary>
    private static readonly string[] CoveredFolders = { "wit-parser-ui", "wasi-wit", "wit-print", "realworld", "wit-cli-print", "wasi-witx" };

    [Fact]
    public void WitParserUiRoundTrips() => AssertRoundTrips("wit-parser-ui", ".wit");

    [Fact]
    public void WasiWitRoundTrips() => AssertRoundTrips("wasi-wit", ".wit");

    [Fact]
    public void WitPrintRoundTrips() => AssertRoundTrips("wit-print", ".wit");

    [Fact]
    public void RealworldWitRoundTrips() => AssertRoundTrips("realworld", ".wit");

    [Fact]
    public void WitCliPrintRoundTrips() => AssertRoundTrips("wit-cli-print", ".wit");

    [Fact]
    public void RealworldWitxRoundTrips() => AssertRoundTrips("realworld", ".witx");

    [Fact]
    public void WasiWitxRoundTrips() => AssertRoundTrips("wasi-witx", ".witx");

    [Fact]
    public void EveryCorpusFileIsInACoveredFolder()
    {
        var uncovered = Directory.EnumerateFiles(Corpus.Root, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".wit", StringComparison.Ordinal) || path.EndsWith(".witx", StringComparison.Ordinal))
            .Select(Corpus.Relative)
            .Where(relative => !CoveredFolders.Contains(relative.Split('/')[0]))
            .OrderBy(relative => relative, StringComparer.Ordinal)
            .ToList();

        Assert.True(uncovered.Count == 0, "Corpus files no round-trip test covers:\n" + string.Join("\n", uncovered));
    }

    private static void AssertRoundTrips(string folder, string extension)
    {
        var files = Corpus.Files(folder, extension);
        Assert.NotEmpty(files);
        var failures = new List<string>();
        foreach (string path in files)
        {
            string? problem = RoundTripProblem(path);
            if (problem is not null) failures.Add($"{Corpus.Relative(path)}: {problem}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Count} files fail:\n" + string.Join("\n", failures));
    }

    private static string? RoundTripProblem(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        string text = Corpus.ReadText(path);
        SyntaxTree tree;
        try
        {
            tree = SyntaxTree.Parse(SourceText.From(text, path));
        }
        catch (Exception exception)
        {
            return $"parser threw {exception.GetType().Name}: {exception.Message}";
        }

        string? problem = TreeChecks.RoundTripProblem(tree, text) ?? TreeChecks.DiagnosticSpanProblem(tree);
        if (problem is not null) return problem;
        return Encoding.UTF8.GetBytes(tree.ToFullString()).AsSpan().SequenceEqual(bytes) ? null : "printed text encodes to different bytes";
    }
}
