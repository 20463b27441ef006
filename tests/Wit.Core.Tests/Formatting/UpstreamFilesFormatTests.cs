using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Formatting;
using Wit.Core.Tests.TestKit;
using Xunit;

namespace Wit.Core.Tests.Formatting;

/// <summary>
/// Issue 15: <c>wit fmt --check</c> passes on every untouched WASI 0.2.12 and 0.3.0 file (with its <c>deps/</c>) and
/// real-world file whose style is consistent: the formatter keeps the file's indentation unit, the author's blank lines
/// between members and the parameter lists broken after their <c>(</c>. The files it changes are listed here with what
/// in them differs from the layout; a listed file that no longer changes fails the test too, so the list only
/// shrinks.
/// </summary>
public sealed class UpstreamFilesFormatTests
{
    private const string Indented = "lines indented off the file's unit (a record's fields by seven spaces in a four-space file)";
    private const string BlankAfterBrace = "a blank line right after an opening brace";
    private const string TwoBlankLines = "two blank lines in a row";
    private const string BlankAtStart = "a blank line at the start of the file";
    private const string TrailingWhitespace = "trailing whitespace";
    private const string TupleSpacing = "`tuple<a,b>` without the space after the comma the file has elsewhere";

    private static readonly Dictionary<string, string> Inconsistent = new(StringComparer.Ordinal)
    {
        ["wasi-wit/wasi-0.2.12/cli/wit/deps/filesystem/types.wit"] = Indented,
        ["wasi-wit/wasi-0.2.12/cli/wit/deps/io/poll.wit"] = BlankAfterBrace,
        ["wasi-wit/wasi-0.2.12/cli/wit/deps/io/streams.wit"] = TwoBlankLines,
        ["wasi-wit/wasi-0.2.12/cli/wit/deps/sockets/instance-network.wit"] = BlankAtStart,
        ["wasi-wit/wasi-0.2.12/cli/wit/deps/sockets/network.wit"] = TwoBlankLines,
        ["wasi-wit/wasi-0.2.12/cli/wit/deps/sockets/tcp.wit"] = TrailingWhitespace,
        ["wasi-wit/wasi-0.2.12/cli/wit/deps/sockets/udp.wit"] = TrailingWhitespace,
        ["wasi-wit/wasi-0.2.12/clocks/wit/deps/io/poll.wit"] = BlankAfterBrace,
        ["wasi-wit/wasi-0.2.12/clocks/wit/deps/io/streams.wit"] = TwoBlankLines,
        ["wasi-wit/wasi-0.2.12/filesystem/wit/deps/io/poll.wit"] = BlankAfterBrace,
        ["wasi-wit/wasi-0.2.12/filesystem/wit/deps/io/streams.wit"] = TwoBlankLines,
        ["wasi-wit/wasi-0.2.12/filesystem/wit/types.wit"] = Indented,
        ["wasi-wit/wasi-0.2.12/http/wit/deps/filesystem/types.wit"] = Indented,
        ["wasi-wit/wasi-0.2.12/http/wit/deps/io/poll.wit"] = BlankAfterBrace,
        ["wasi-wit/wasi-0.2.12/http/wit/deps/io/streams.wit"] = TwoBlankLines,
        ["wasi-wit/wasi-0.2.12/http/wit/deps/sockets/instance-network.wit"] = BlankAtStart,
        ["wasi-wit/wasi-0.2.12/http/wit/deps/sockets/network.wit"] = TwoBlankLines,
        ["wasi-wit/wasi-0.2.12/http/wit/deps/sockets/tcp.wit"] = TrailingWhitespace,
        ["wasi-wit/wasi-0.2.12/http/wit/deps/sockets/udp.wit"] = TrailingWhitespace,
        ["wasi-wit/wasi-0.2.12/http/wit/handler.wit"] = "a `use` list broken over lines (the file's other lists are on one line)",
        ["wasi-wit/wasi-0.2.12/http/wit/types.wit"] = BlankAfterBrace + ", " + TupleSpacing,
        ["wasi-wit/wasi-0.2.12/io/wit/poll.wit"] = BlankAfterBrace,
        ["wasi-wit/wasi-0.2.12/io/wit/streams.wit"] = TwoBlankLines,
        ["wasi-wit/wasi-0.2.12/sockets/wit/deps/io/poll.wit"] = BlankAfterBrace,
        ["wasi-wit/wasi-0.2.12/sockets/wit/deps/io/streams.wit"] = TwoBlankLines,
        ["wasi-wit/wasi-0.2.12/sockets/wit/instance-network.wit"] = BlankAtStart,
        ["wasi-wit/wasi-0.2.12/sockets/wit/network.wit"] = TwoBlankLines,
        ["wasi-wit/wasi-0.2.12/sockets/wit/tcp.wit"] = TrailingWhitespace,
        ["wasi-wit/wasi-0.2.12/sockets/wit/udp.wit"] = TrailingWhitespace,
        ["wasi-wit/wasi-0.3.0/cli/wit/deps/filesystem/types.wit"] = Indented,
        ["wasi-wit/wasi-0.3.0/cli/wit/deps/sockets/types.wit"] = TrailingWhitespace + ", " + BlankAfterBrace,
        ["wasi-wit/wasi-0.3.0/filesystem/wit/types.wit"] = Indented,
        ["wasi-wit/wasi-0.3.0/http/wit/deps/filesystem/types.wit"] = Indented,
        ["wasi-wit/wasi-0.3.0/http/wit/deps/sockets/types.wit"] = TrailingWhitespace + ", " + BlankAfterBrace,
        ["wasi-wit/wasi-0.3.0/http/wit/types.wit"] = BlankAfterBrace + ", " + TupleSpacing,
        ["wasi-wit/wasi-0.3.0/sockets/wit/types.wit"] = TrailingWhitespace + ", " + BlankAfterBrace,
        ["realworld/wasi-crypto/wit/world.wit"] = "the world's closing brace indented, and a blank line at the end of the file",
    };

    [Fact]
    public void Every_upstream_file_is_left_as_it_is_unless_its_style_is_inconsistent()
    {
        var files = Corpus.Files("wasi-wit", ".wit").Concat(Corpus.Files("realworld", ".wit")).ToList();
        Assert.True(files.Count >= 188, $"only {files.Count} upstream files");
        var changed = new List<string>();
        var unexpected = new List<string>();
        foreach (string path in files)
        {
            string text = Corpus.ReadText(path);
            string relative = Corpus.Relative(path);
            if (WitFormatter.Format(text) == text) continue;
            changed.Add(relative);
            if (!Inconsistent.ContainsKey(relative)) unexpected.Add($"{relative}: {FirstDifference(text, WitFormatter.Format(text))}");
        }

        Assert.True(unexpected.Count == 0, "files that would change:\n" + string.Join("\n", unexpected));
        var stale = Inconsistent.Keys.Where(k => !changed.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "listed files that no longer change (remove them): " + string.Join(", ", stale));
    }

    private static string FirstDifference(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i]) return $"line {i + 1}: {TreeChecks.Literal(a[i])} becomes {TreeChecks.Literal(b[i])}";
        }

        return "the line count changes";
    }
}
