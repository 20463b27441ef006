using System.Linq;
using Wit.Core.Text;
using Wit.Ide.Abi;
using Wit.Ide.CodeLens;
using Wit.Ide.InlayHints;
using Wit.Ide.Preview;
using Wit.Ide.SignatureHelp;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Abi;

/// <summary>The ABI-based features over half-written code, at every offset: answers stay well-formed.</summary>
public class BrokenCodeSweepTests
{
    private const string Broken = """
        package my:pkg;
        interface i {
          record r { a: u32, b: , c: list<
          variant v { a(, b }
          resource res { constructor(; m: func(self: u8) -> }
          @unstable(feature = 
          f: func(a: r, b: borrow<res>, c: tuple<u8, -> result<v
        }
        world w { import i; export f: func(x: string); include nope; }
        """;

    [Fact]
    public void Every_offset_gives_well_formed_answers()
    {
        var loaded = IdeFixture.Load(Broken);
        string path = loaded.MainPath;
        string text = loaded.TextOf(path);
        for (int offset = 0; offset <= text.Length; offset++)
        {
            if (AbiLayoutProvider.Layout(loaded.Snapshot, path, offset) is { } layout) Assert.NotEmpty(layout.Rows);
            if (WitxPreviewProvider.Preview(loaded.Snapshot, path, offset) is { } preview) Assert.Contains("(module", preview.Witx, System.StringComparison.Ordinal);
            if (SignatureHelpProvider.Help(loaded.Snapshot, path, offset) is { } help)
            {
                Assert.InRange(help.ActiveSignature, 0, help.Signatures.Count - 1);
                Assert.InRange(help.ActiveParameter, 0, help.Signatures[help.ActiveSignature].Parameters.Count - 1);
            }
        }

        var hints = InlayHintsProvider.Hints(loaded.Snapshot, path, new TextSpan(0, text.Length));
        Assert.All(hints, h => Assert.InRange(h.Offset, 0, text.Length));
        // The types that still resolve keep their size hints.
        Assert.Contains(hints, h => h.Kind == InlayHintKind.Type);
        var lenses = CodeLensProvider.Lenses(loaded.Snapshot, path);
        Assert.All(lenses, l => Assert.Matches("^[a-z][a-z0-9-]*$", text.Substring(l.Span.Start, l.Span.Length)));
        Assert.Contains(lenses, l => l.Title == "handle · size 4 · align 4");
    }
}
