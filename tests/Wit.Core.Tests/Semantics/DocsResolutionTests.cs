using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// Documentation as wit-parser records it: every comment between the previous token and the item, leading slashes
/// stripped (<c>/**</c> and <c>*/</c> for doc blocks), trailing whitespace trimmed, the indentation all non-blank
/// lines share removed, joined with newlines.
/// </summary>
public sealed class DocsResolutionTests
{
    private const string Documented = """
        /// Package docs.
        package a:app;

        // plain comment
        /// Doc line one.
        ///   indented two
        /* block */
        /** doc block */
        interface i {
          /// A record.
          record r {
            /// Field docs.
            x: u32, // trailing
            y: u32,
          }

          //// four slashes
          f: func();

          g: func(); /// after g, so h's
          h: func();

          ///   Indented doc
          ///     deeper
          k: func();
        }

        world w {
          /// Imported.
          import h: func();
        }
        """;

    [Fact]
    public void AllCommentsBeforeAnItemAreItsDocsWithLeadingSlashesStripped()
    {
        var fixture = WitFixture.Resolve(Documented);

        fixture.AssertClean();
        Assert.Equal("Package docs.", fixture.Package("a:app").Docs);
        // `/* block */` keeps its star, so no indentation is common to all lines here.
        Assert.Equal(" plain comment\n Doc line one.\n   indented two\n* block */\n doc block", fixture.Interface("a:app/i").Docs);
        Assert.Equal("four slashes", fixture.Function("a:app/i", "f").Docs);
        Assert.Equal("Indented doc\n  deeper", fixture.Function("a:app/i", "k").Docs);
    }

    [Fact]
    public void MembersGetTheCommentsBetweenThePreviousTokenAndThem()
    {
        var fixture = WitFixture.Resolve(Documented);

        var r = fixture.Type("a:app/i", "r");
        Assert.Equal("A record.", r.Docs);
        Assert.Equal("Field docs.", r.Members[0].Docs);
        Assert.Equal("trailing", r.Members[1].Docs);
        Assert.Null(fixture.Function("a:app/i", "g").Docs);
        Assert.Equal("after g, so h's", fixture.Function("a:app/i", "h").Docs);
    }

    [Theory]
    [InlineData("///   one\n///\n///     two\n///  short\n", " one\n\n   two\nshort")]
    [InlineData("/// text   \n///\tnext\t\n", "text\nnext")]
    [InlineData("///\n///\n", "\n")]
    [InlineData("///   \n", "")]
    [InlineData("/**\n   block\n */\n/// after\n", "   block\nafter")]
    [InlineData("/**   a */\n/**   b */\n", "a\nb")]
    [InlineData("// one\n\n\n// two\n", "one\ntwo")]
    [InlineData("//a\n//  b\n//c\n", "a\n  b\nc")]
    public void Lines_keep_their_order_lose_the_common_indentation_and_trailing_whitespace(string comments, string docs)
    {
        var fixture = WitFixture.Resolve("package a:b;\ninterface i {\n" + comments + "f: func();\n}\n");

        fixture.AssertClean();
        Assert.Equal(docs, fixture.Function("a:b/i", "f").Docs);
    }

    [Fact]
    public void WorldItemsHaveDocsToo()
    {
        var fixture = WitFixture.Resolve(Documented);

        var import = Assert.Single(fixture.World("a:app/w").Imports);
        Assert.Equal("Imported.", import.Value.Function?.Docs);
    }

    /// <summary>
    /// Resolving keeps where each item's docs are and reads them only when asked (a check never asks): an item with a
    /// comment holds a <c>DocsSource</c>, one without holds nothing, and reading gives the same text every time.
    /// </summary>
    [Fact]
    public void Docs_are_read_when_asked_for_and_the_same_each_time()
    {
        var fixture = WitFixture.Resolve(Documented);
        var record = fixture.Type("a:app/i", "r");
        var f = fixture.Function("a:app/i", "f");
        var g = fixture.Function("a:app/i", "g");

        Assert.IsType<global::Wit.Core.Semantics.DocsSource>(record.DocsOrSource);
        Assert.IsType<global::Wit.Core.Semantics.DocsSource>(f.DocsOrSource);
        Assert.Null(g.DocsOrSource);
        string? first = record.Docs;
        Assert.Equal("A record.", first);
        Assert.Same(first, record.Docs);
        Assert.Equal("four slashes", f.Docs);
        Assert.Null(g.Docs);
        Assert.Equal("Field docs.", record.Members[0].Docs);
        Assert.Equal("trailing", record.Members[1].Docs); // the comment after `x,` is before `y`
    }
}
