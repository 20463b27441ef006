using System.Diagnostics;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Workspace;
using Wit.Ide.Diagnostics;
using Wit.Ide.Workspace;
using Xunit;

namespace Wit.Ide.Tests.Diagnostics;

/// <summary>
/// Issue 20, finding 2: a file's diagnostics stop at <see cref="DiagnosticLimit.PerFile"/>, with a last one that counts
/// the rest (WIT0013), for WIT and WITX; a 2 MB WITX file of bad characters costs well under the seconds it took.
/// </summary>
public class DiagnosticLimitTests
{
    private static System.Collections.Generic.IReadOnlyList<Diagnostic> Diagnose(string path, string text)
    {
        var workspace = new IdeWorkspace(new InMemoryFileSystem());
        var snapshot = workspace.Open(path, text, 1);
        return DocumentDiagnostics.For(snapshot, path);
    }

    [Fact]
    public void A_wit_file_with_more_diagnostics_than_the_limit_ends_with_and_n_more()
    {
        string text = "package a:b;\n" + string.Concat(Enumerable.Repeat("# ; \u00a7\n", 400));
        var diagnostics = Diagnose("/ws/a.wit", text);

        Assert.Equal(DiagnosticLimit.PerFile + 1, diagnostics.Count);
        var last = diagnostics[^1];
        Assert.Equal("WIT0013", last.Code);
        Assert.Equal(DiagnosticSeverity.Information, last.Severity);
        Assert.Matches(@"^and \d+ more diagnostics in this file, not shown$", last.Message);
        Assert.True(diagnostics.Take(DiagnosticLimit.PerFile).All(d => d.Span.Start <= last.Span.Start));
    }

    [Fact]
    public void A_file_under_the_limit_is_not_capped()
    {
        var diagnostics = Diagnose("/ws/a.wit", "package a:b;\n#\n#\n");

        Assert.Equal(2, diagnostics.Count(d => d.Code == "WIT0002"));
        Assert.DoesNotContain(diagnostics, d => d.Code == "WIT0013");
    }

    [Theory]
    [InlineData("\u00e9")]
    [InlineData("{,")]
    public void Two_megabytes_of_bad_witx_characters_give_a_capped_list(string piece)
    {
        // The cost was one diagnostic (and its rendering) per character; the list is now capped. No wall-clock
        // assertion: the `scaling` benchmark measures the time.
        string text = string.Concat(Enumerable.Repeat(piece, 2_000_000 / piece.Length));
        var diagnostics = Diagnose("/ws/a.witx", text);

        Assert.True(diagnostics.Count <= DiagnosticLimit.PerFile + 1, $"{diagnostics.Count} diagnostics");
        Assert.Contains(diagnostics, d => d.Code == "WITX0002");
    }
}
