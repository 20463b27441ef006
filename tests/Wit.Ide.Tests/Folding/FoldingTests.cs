using System.Linq;
using Wit.Ide.Folding;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Folding;

public class FoldingTests
{
    /// <summary>Each expected range is a `[|...|]` span, in order; kinds are listed in the same order.</summary>
    private static void Check(string fixture, params FoldingKind[] kinds)
    {
        var loaded = IdeFixture.Load(fixture);
        var ranges = FoldingProvider.Ranges(loaded.Snapshot, loaded.MainPath);
        var actual = ranges.Select(r => (r.StartOffset, r.EndOffset, r.Kind)).ToList();
        var expected = loaded.Spans.Select((s, i) => (s.Span.Start, s.Span.End, kinds[i])).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Bodies_uses_and_comments_fold()
    {
        Check("""
            package a:b;

            [|/// Docs
            /// more docs|]
            interface i [|{
              [|use a:b/x.{y};
              use a:b/x.{z};|]
              record r [|{
                f: u32,|]
              }
              /* one line */
              [|/* two
                 lines */|]
              enum e { a, b }|]
            }
            """, FoldingKind.Comment, FoldingKind.Region, FoldingKind.Imports, FoldingKind.Region, FoldingKind.Comment);
    }

    [Fact]
    public void An_unclosed_body_folds_to_its_end()
    {
        Check("""
            interface i [|{
              f: func();|]
            """, FoldingKind.Region);
    }

    [Fact]
    public void Witx_forms_spanning_lines_fold()
    {
        Check("""
            //- /a.witx
            [|;; one
            ;; two|]
            (typename $x u8)
            [|(module $m
              [|(import "memory"
                (memory)|])|])
            """, FoldingKind.Comment, FoldingKind.Region, FoldingKind.Region);
    }
}
