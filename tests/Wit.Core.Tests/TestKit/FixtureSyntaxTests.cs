using System;
using System.Linq;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>The fixture syntax itself: file headers, the default file, the cursor.</summary>
public sealed class WitFixtureTests
{
    [Fact]
    public void HeadersSplitFilesUnderTheWorkspaceRoot()
    {
        var (files, cursor) = WitFixture.Parse("//- /a.wit\npackage a:b;\n//- /deps/x/y.wit\npackage x:y;\n");

        Assert.Equal(new[] { "/ws/a.wit", "/ws/deps/x/y.wit" }, files.Select(f => f.Path).ToArray());
        Assert.Equal(new[] { "package a:b;\n", "package x:y;\n\n" }, files.Select(f => f.Text).ToArray());
        Assert.Null(cursor);
    }

    [Fact]
    public void TextWithoutAHeaderIsMainWitAndTheCursorIsRemoved()
    {
        var (files, cursor) = WitFixture.Parse("package a:b;\ninterface $0i {}");

        var file = Assert.Single(files);
        Assert.Equal("/ws/main.wit", file.Path);
        Assert.Equal("package a:b;\ninterface i {}\n", file.Text);
        Assert.Equal(new FixtureCursor("/ws/main.wit", "package a:b;\ninterface ".Length), cursor);
    }

    [Fact]
    public void TwoCursorsOrARelativeHeaderAreMistakesInTheTest()
    {
        Assert.Throws<ArgumentException>(() => WitFixture.Parse("$0package $0a:b;"));
        Assert.Throws<ArgumentException>(() => WitFixture.Parse("//- a.wit\npackage a:b;"));
    }
}
