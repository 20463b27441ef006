using System;
using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Text;

/// <summary>
/// A tree whose text is rebuilt from its green nodes (<see cref="SyntaxTree.WithTextFromTree"/>, what <c>wit check</c>
/// loads): the same text, spans and diagnostics as the string it was parsed from, and no string until one is read.
/// </summary>
public sealed class DeferredTextTests
{
    [Fact]
    public void Every_corpus_file_reads_back_the_text_it_was_parsed_from()
    {
        var files = Corpus.FilesUnder(Corpus.Root, ".wit");
        Assert.True(files.Count > 400, $"only {files.Count} corpus files");
        foreach (var path in files)
        {
            string source = Corpus.ReadText(path);
            var parsed = SyntaxTree.ParseWit(SourceText.From(source, path));
            var deferred = parsed.WithTextFromTree();

            Assert.False(deferred.Text.IsMaterialized);
            Assert.Equal(source.Length, deferred.Text.Length);
            Assert.Equal(path, deferred.Text.Path);
            Assert.Equal(parsed.Diagnostics.Select(d => (d.Code, d.Span)), deferred.Diagnostics.Select(d => (d.Code, d.Span)));
            Assert.Equal(source, deferred.Text.Text);
            Assert.True(deferred.Text.IsMaterialized);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFFpackage a:b;\r\ninterface i {}\r")]
    [InlineData("package a:b;\n/// doc \u202E\ninterface i { f: func(x: strin\u00E9g) -> ; }\n\u0000\t\v\f")]
    [InlineData("interface x { \uD800 record r { a: u8, } }}} /* unterminated")]
    [InlineData("package a:b@1.0.0-rc.1+meta;\nworld w { import \"quoted\": func(); include c:d/e@2.0.0 with { a as b } }")]
    public void Odd_text_reads_back_with_the_same_lines(string source)
    {
        var parsed = SyntaxTree.ParseWit(source);
        var deferred = parsed.WithTextFromTree();

        Assert.Equal(source, deferred.Text.Text);
        Assert.Equal(parsed.Text.Lines.LineCount, deferred.Text.Lines.LineCount);
        for (int offset = 0; offset <= source.Length; offset++)
        {
            Assert.Equal(parsed.Text.GetDisplayLocation(offset), deferred.Text.GetDisplayLocation(offset));
        }
    }

    [Fact]
    public void Resolving_a_clean_package_never_reads_the_text()
    {
        var fileSystem = new InMemoryFileSystem().Add("/ws/large.wit", WitFileGenerator.GenerateOneInterface(2_000));
        var workspace = WorkspaceLoader.Load(fileSystem, "/ws/large.wit", (path, text) => SyntaxTree.ParseWit(SourceText.From(text, path)).WithTextFromTree());

        var model = WitResolver.Resolve(workspace);

        Assert.Empty(model.Diagnostics);
        var tree = Assert.Single(workspace.AllSources.SelectMany(s => s.Files)).Tree;
        Assert.False(tree.Text.IsMaterialized);
    }

    [Fact]
    public void A_package_with_errors_reports_the_same_diagnostics_at_the_same_places()
    {
        string source = "package a:b;\n\ninterface i {\n  use missing.{t};\n  record r { a: nope }\n  f: func(x: r) -> u32;\n  f: func();\n}\n";
        var fileSystem = new InMemoryFileSystem().Add("/ws/a.wit", source);
        var plain = WitResolver.Resolve(WorkspaceLoader.Load(fileSystem, "/ws/a.wit"));
        var deferred = WitResolver.Resolve(WorkspaceLoader.Load(fileSystem, "/ws/a.wit", (path, text) => SyntaxTree.ParseWit(SourceText.From(text, path)).WithTextFromTree()));

        Assert.NotEmpty(plain.Diagnostics);
        Assert.Equal(
            plain.Diagnostics.Select(d => (d.Code, d.Message, d.Span, d.Document?.Path, Where(d))),
            deferred.Diagnostics.Select(d => (d.Code, d.Message, d.Span, d.Document?.Path, Where(d))));
    }

    private static (int, int)? Where(Core.Diagnostics.Diagnostic d) => d.Document?.GetDisplayLocation(d.Span.Start);

    [Fact]
    public void A_producer_that_returns_another_length_is_refused()
    {
        var text = SourceText.Deferred(3, "x.wit", () => "four");

        Assert.Equal(3, text.Length);
        Assert.Throws<InvalidOperationException>(() => text.Text);
    }
}
