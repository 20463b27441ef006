using System.Linq;
using Wit.Core.Witx.Semantics;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Witx.Semantics;

/// <summary>The one helper of the WITX semantics tests: resolve marked text and compare diagnostics with the marks.</summary>
internal static class WitxSemanticsCheck
{
    public const string MainPath = "/witx/main.witx";

    /// <summary>
    /// Resolves <paramref name="marked"/> (its <c>[|...|]</c> markers removed) as <see cref="MainPath"/>, with
    /// <paramref name="files"/> in memory for its <c>use</c>s, and checks that its diagnostics are exactly the expected
    /// ones, each at its marked span, in order of position.
    /// </summary>
    public static WitxModel ExpectDiagnostics(string marked, (string Code, string Message)[] expected, InMemoryFileSystem? files = null)
    {
        var (text, spans) = WitxTestHelpers.Unmark(marked);
        Assert.Equal(expected.Length, spans.Count);
        var model = WitxResolver.Resolve(text, MainPath, files ?? new InMemoryFileSystem());
        var actual = model.Diagnostics.OrderBy(d => d.Span.Start).Select(d => $"{d.Code} {d.Span} {d.Message}").ToList();
        var wanted = expected.Select((e, i) => $"{e.Code} {spans[i]} {e.Message}").ToList();
        Assert.Equal(wanted, actual);
        return model;
    }

    /// <summary>Resolves text that must be valid and returns the model.</summary>
    public static WitxModel Valid(string text, InMemoryFileSystem? files = null)
    {
        var model = WitxResolver.Resolve(text, MainPath, files ?? new InMemoryFileSystem());
        Assert.Empty(model.Diagnostics.Select(d => d.ToString()));
        return model;
    }
}
