using System.Collections.Generic;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Witx;
using Xunit;

namespace Wit.Core.Tests.Witx;

/// <summary>
/// Every WITX file of the shared corpus (the WASI witx files and the witx crate's <c>.witxt</c> tests) prints back
/// byte for byte, and every <c>.witx</c> file, which the witx crate accepts, parses without a diagnostic.
/// </summary>
public sealed class WitxCorpusTests
{
    public static IReadOnlyList<string> WitxFiles => Corpus.Files("wasi-witx", ".witx");

    public static IReadOnlyList<string> WitxtFiles => Corpus.Files("wasi-witx", ".witxt");

    public static IEnumerable<object[]> AllFiles() => WitxFiles.Concat(WitxtFiles).Select(path => new object[] { Corpus.Relative(path) });

    public static IEnumerable<object[]> ValidFiles() => WitxFiles.Select(path => new object[] { Corpus.Relative(path) });

    [Fact]
    public void CorpusHasTheExpectedFiles()
    {
        // The counts guard against the corpus moving: the theories below would silently run on nothing.
        Assert.Equal(27, WitxFiles.Count);
        Assert.Equal(16, WitxtFiles.Count);
        Assert.Equal(15, RealWorldFiles().Count());
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void RoundTripsByteForByte(string relativePath)
    {
        string text = Corpus.ReadText(Corpus.PathOf(relativePath));
        var tree = SyntaxTree.ParseWitx(text);
        Assert.Equal(text, tree.ToFullString());
        Assert.Equal(text.Length, tree.GreenRoot.FullWidth);
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void ValidFileHasNoDiagnostics(string relativePath)
    {
        var tree = SyntaxTree.ParseWitx(Corpus.ReadText(Corpus.PathOf(relativePath)));
        Assert.Empty(tree.Diagnostics.Select(d => $"{relativePath} {d}"));
        Assert.Contains(tree.GreenRoot.Slots, slot => slot.Kind == SyntaxKind.WitxTypename || slot.Kind == SyntaxKind.WitxModule || slot.Kind == SyntaxKind.WitxUse);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void NoFormOfTheCorpusIsAnError(string relativePath)
    {
        // .witxt files wrap invalid modules in assert_invalid, but every one of them is a well-formed s-expression.
        var tree = SyntaxTree.ParseWitx(Corpus.ReadText(Corpus.PathOf(relativePath)));
        Assert.Empty(tree.Diagnostics.Select(d => $"{relativePath} {d}"));
        Assert.DoesNotContain(tree.GreenRoot.Slots, slot => slot.Kind == SyntaxKind.WitxSkippedTokens);
    }

    public static IEnumerable<object[]> RealWorldFiles() => Corpus.Files("realworld", ".witx").Select(path => new object[] { Corpus.Relative(path) });

    [Theory]
    [MemberData(nameof(RealWorldFiles))]
    public void RealWorldFileRoundTripsWithoutDiagnostics(string relativePath)
    {
        // wasi-crypto's witx 0.9 and experimental 0.10 files: different forms, such as (use * from $m), but the same
        // s-expressions, and no form shape the parser checks is violated.
        string text = Corpus.ReadText(Corpus.PathOf(relativePath));
        var tree = SyntaxTree.ParseWitx(text);
        Assert.Equal(text, tree.ToFullString());
        Assert.Empty(tree.Diagnostics.Select(d => $"{relativePath} {d}"));
    }

    [Fact]
    public void SnapshotPreview1HasItsFunctions()
    {
        string path = Corpus.PathOf("wasi-witx", "wasi-0.1-branch", "preview1", "witx", "wasi_snapshot_preview1.witx");
        var document = WitxDocumentSyntax.Cast(SyntaxTree.ParseWitx(Corpus.ReadText(path)).Root)!;
        Assert.Equal(new[] { "typenames.witx" }, document.UsedFiles);
        var module = Assert.Single(document.Modules);
        Assert.Equal("$wasi_snapshot_preview1", module.Name?.Text);
        var functions = module.Functions.ToList();
        Assert.Equal(46, functions.Count);
        Assert.Equal("args_get", functions[0].Name);
        var procExit = functions.Single(f => f.Name == "proc_exit");
        Assert.True(procExit.IsNoreturn);
        Assert.Empty(procExit.Results);
    }
}
