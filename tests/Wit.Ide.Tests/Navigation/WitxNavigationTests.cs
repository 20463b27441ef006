using System.Linq;
using System.Threading;
using Wit.Ide.Navigation;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Navigation;

public class WitxNavigationTests
{
    private enum Kind
    {
        Definition,
        References,
        Highlight,
    }

    /// <summary>Asks at <c>$0</c> of a WITX fixture and expects exactly the <c>[|..|]</c> spans (for highlight: of the cursor's file).</summary>
    private static void Check(string fixture, Kind kind)
    {
        var f = IdeFixture.Load(fixture);
        var expected = f.Spans.Select(s => new IdeLocation(s.Path, s.Span)).ToList();
        var actual = kind switch
        {
            Kind.Definition => NavigationProvider.Definition(f.Snapshot, f.CursorPath!, f.CursorOffset).ToList(),
            Kind.References => ReferencesProvider.References(f.Snapshot, f.CursorPath!, f.CursorOffset, includeDeclaration: true, CancellationToken.None).ToList(),
            _ => HighlightProvider.Highlights(f.Snapshot, f.CursorPath!, f.CursorOffset).Select(h => new IdeLocation(f.CursorPath!, h.Span)).ToList(),
        };
        Assert.Equal(expected, actual);
    }

    private const string Files = """
        //- /api.witx
        (use "types.witx")
        (typename $wrapper (record (field $fd FD1) (field $size $size)))
        (module $m
          (@interface func (export "close") (param $fd FD2) (result $error (expected (error $errno)))))
        //- /types.witx
        (typename $errno (enum (@witx tag u16) $success $badf))
        (typename FD3 (handle))
        (typename $size u32)
        """;

    private static string With(int cursor, bool marked) =>
        Enumerable.Range(1, 3).Aggregate(Files, (text, i) =>
            text.Replace($"FD{i}", (marked ? "[|" : string.Empty) + (i == cursor ? "$f$0d" : "$fd") + (marked ? "|]" : string.Empty)));

    [Fact]
    public void Definition_follows_use_into_another_file() => Check(
        With(1, marked: false).Replace("(typename $fd (handle))", "(typename [|$fd|] (handle))"), Kind.Definition);

    [Fact]
    public void References_from_a_use_and_from_the_declaration()
    {
        Check(With(2, marked: true), Kind.References);
        Check(With(3, marked: true), Kind.References);
    }

    [Fact]
    public void A_field_named_like_a_type_is_not_a_reference() => Check("""
        //- /api.witx
        (typename [|$si$0ze|] u32)
        (typename $r (record (field $size [|$size|])))
        """, Kind.References);

    [Fact]
    public void Highlight_in_one_document() => Check("""
        //- /api.witx
        (typename [|$errno|] (enum (@witx tag u16) $success))
        (typename $r (record (field $e [|$er$0rno|]) (field $f [|$errno|])))
        """, Kind.Highlight);
}
