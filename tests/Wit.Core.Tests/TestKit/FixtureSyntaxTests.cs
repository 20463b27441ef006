using System;
using System.Linq;
using Xunit;

namespace Wit.Core.Tests.TestKit;

/// <summary>The shared fixture syntax itself (<see cref="Fixture"/>): file headers, the default file, the cursor, the spans.</summary>
public sealed class FixtureSyntaxTests
{
    [Fact]
    public void HeadersSplitFilesUnderTheWorkspaceRoot()
    {
        var fixture = Fixture.Parse("//- /a.wit\npackage a:b;\n//- /deps/x/y.wit\npackage x:y;\n");

        Assert.Equal(new[] { "/ws/a.wit", "/ws/deps/x/y.wit" }, fixture.Files.Select(f => f.Path).ToArray());
        Assert.Equal(new[] { "package a:b;\n", "package x:y;\n\n" }, fixture.Files.Select(f => f.Text).ToArray());
        Assert.Null(fixture.Cursor);
    }

    [Fact]
    public void TextWithoutAHeaderIsMainWitAndTheCursorIsRemoved()
    {
        var fixture = Fixture.Parse("package a:b;\ninterface $0i {}");

        var file = Assert.Single(fixture.Files);
        Assert.Equal("/ws/main.wit", file.Path);
        Assert.Equal("package a:b;\ninterface i {}\n", file.Text);
        Assert.Equal(new FixtureCursor("/ws/main.wit", "package a:b;\ninterface ".Length), fixture.Cursor);
    }

    [Fact]
    public void TwoCursorsOrARelativeHeaderAreMistakesInTheTest()
    {
        Assert.Throws<ArgumentException>(() => Fixture.Parse("$0package $0a:b;"));
        Assert.Throws<ArgumentException>(() => Fixture.Parse("//- a.wit\npackage a:b;"));
    }

    [Fact]
    public void SpansAreRemovedAndListedInFileOrder()
    {
        var fixture = Fixture.Parse("//- /b.wit\ninterface [|b|] {}\n//- /a.wit\n[|package [|a|]:b;|]");

        Assert.Equal("interface b {}\n", fixture.TextOf("/ws/b.wit"));
        Assert.Equal("package a:b;\n", fixture.TextOf("/ws/a.wit"));
        Assert.Equal(new[] { "/ws/a.wit 0..12", "/ws/a.wit 8..9", "/ws/b.wit 10..11" },
            fixture.Spans.Select(s => $"{s.Path} {s.Span.Start}..{s.Span.End}").ToArray());
    }
}
