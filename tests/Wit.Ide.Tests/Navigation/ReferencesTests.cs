using System.Linq;
using System.Threading;
using Wit.Ide.Navigation;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Navigation;

public class ReferencesTests
{
    /// <summary>Finds the references at <c>$0</c> and expects exactly the <c>[|..|]</c> spans (any file).</summary>
    private static void Check(string fixture, bool includeDeclaration = true)
    {
        var f = IdeFixture.Load(fixture);
        var actual = ReferencesProvider.References(f.Snapshot, f.CursorPath!, f.CursorOffset, includeDeclaration, CancellationToken.None);
        Assert.Equal(f.Spans.Select(s => new IdeLocation(s.Path, s.Span)).ToList(), actual.ToList());
    }

    /// <summary>Highlights at <c>$0</c>: the <c>[|..|]</c> spans of the cursor's file, the first one the declaration.</summary>
    private static void CheckHighlight(string fixture, int declarationIndex)
    {
        var f = IdeFixture.Load(fixture);
        var actual = HighlightProvider.Highlights(f.Snapshot, f.CursorPath!, f.CursorOffset);
        var expected = f.Spans.Where(s => s.Path == f.CursorPath)
            .Select((s, i) => new IdeHighlight(s.Span, i == declarationIndex ? IdeHighlightKind.Write : IdeHighlightKind.Read)).ToList();
        Assert.Equal(expected, actual.ToList());
    }

    private const string Workspace = """
        //- /app/app.wit
        package my:app;
        interface api {
          use wasi:io/streams@0.2.0.{[|error|]};
          use wasi:io/streams@0.2.0.{[|error|] as e};
          get: func() -> [|ERR1|];
          put: func(x: e, y: list<[|ERR2|]>);
        }
        //- /app/deps/io/streams.wit
        package wasi:io@0.2.0;
        interface streams {
          record [|ERR3|] { code: u32 }
          read: func() -> result<u8, [|ERR4|]>;
        }
        """;

    private static string With(int cursor) =>
        Enumerable.Range(1, 4).Aggregate(Workspace, (text, i) => text.Replace($"ERR{i}", i == cursor ? "er$0ror" : "error"));

    [Fact]
    public void From_the_declaration_and_from_a_use_site_the_set_is_the_same()
    {
        Check(With(3));
        Check(With(1));
        Check(With(2));
        Check(With(4));
    }

    [Fact]
    public void Without_the_declaration() => Check("""
        package my:app;
        interface api {
          record point$0 { x: u32 }
          get: func() -> [|point|];
        }
        """, includeDeclaration: false);

    [Fact]
    public void A_renamed_use_has_its_own_references() => Check("""
        package my:app;
        interface types { record point { x: u32 } }
        interface api {
          use types.{point as [|p|]};
          get: func() -> [|p$0|];
          put: func(x: [|p|]);
        }
        """);

    [Fact]
    public void Include_renames_name_the_world_item() => Check("""
        package my:app;
        world base { import [|run$0|]: func(); }
        world full { include base with { [|run|] as go }; }
        """);

    [Fact]
    public void Resource_references_include_borrow_and_own() => Check("""
        package my:app;
        interface files {
          resource [|file|] { read: func(); }
          open: func() -> [|file|];
          close: func(f: own<[|fi$0le|]>, g: borrow<[|file|]>);
        }
        """);

    [Fact]
    public void Interface_references_across_packages() => Check("""
        //- /app/app.wit
        package my:app;
        world w { import wasi:io/[|streams|]@0.2.0; }
        //- /app/deps/io/streams.wit
        package wasi:io@0.2.0;
        interface [|str$0eams|] { }
        """);

    [Fact]
    public void Highlight_marks_the_declaration_as_write() => CheckHighlight("""
        package my:app;
        interface api {
          record [|point|] { x: u32 }
          get: func() -> [|poi$0nt|];
          put: func(p: option<[|point|]>);
        }
        """, declarationIndex: 0);

    [Fact]
    public void Highlight_stays_in_the_document() => CheckHighlight("""
        //- /app/app.wit
        package my:app;
        interface api {
          use my:dep/types.{[|id|]};
          get: func() -> [|i$0d|];
        }
        //- /app/deps/dep/types.wit
        package my:dep;
        interface types { type [|id|] = u64; }
        """, declarationIndex: -1);

    [Fact]
    public void Nothing_on_a_keyword() => Check("""
        package my:app;
        inter$0face api { }
        """);

    private const string AliasWorkspace = """
        //- /app/app.wit
        package my:app;
        use wasi:io/streams@0.2.0 as [|s|];
        interface api {
          use [|s|].{error};
          use other.{t};
        }
        world w {
          import [|s|];
          export api;
        }
        interface other { type t = u8; }
        //- /app/deps/io/streams.wit
        package wasi:io@0.2.0;
        interface streams { record error { code: u32 } }
        """;

    [Theory]
    [InlineData("use wasi:io/streams@0.2.0 as [|s|]", "use wasi:io/streams@0.2.0 as [|$0s|]")]
    [InlineData("use [|s|].{error}", "use [|s$0|].{error}")]
    [InlineData("import [|s|];", "import [|$0s|];")]
    public void Top_level_use_alias_references_are_its_local_paths(string at, string withCursor)
    {
        Check(AliasWorkspace.Replace(at, withCursor, System.StringComparison.Ordinal));
        // Without the declaration: the two local paths only.
        var f = IdeFixture.Load(AliasWorkspace.Replace(at, withCursor, System.StringComparison.Ordinal));
        var uses = ReferencesProvider.References(f.Snapshot, f.CursorPath!, f.CursorOffset, includeDeclaration: false, CancellationToken.None);
        Assert.Equal(f.Spans.Skip(1).Select(sp => new IdeLocation(sp.Path, sp.Span)).ToList(), uses.ToList());
        CheckHighlight(AliasWorkspace.Replace(at, withCursor, System.StringComparison.Ordinal), declarationIndex: 0);
    }
}
