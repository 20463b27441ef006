using Wit.Cli.Json;
using Wit.Core.Diagnostics;
using Wit.Core.Text;
using Xunit;

namespace Wit.Cli.Tests;

public class ParseReportBuilderTests
{
    [Fact]
    public void Reports_positions_in_lines_columns_utf16_and_utf8()
    {
        // 'é' is 1 UTF-16 unit and 2 UTF-8 bytes; the emoji is 2 units, 4 bytes and one column.
        var text = SourceText.From("é\n\U0001F600 bad\n");
        var diagnostic = new Diagnostic(SyntaxDiagnostics.Wit0002, "m", TextSpan.FromBounds(5, 8));

        var report = ParseReportBuilder.CreateDiagnosticReport(diagnostic, text);

        Assert.Equal("WIT0002", report.Code);
        Assert.Equal("error", report.Severity);
        Assert.Equal("m", report.Message);
        Assert.Equal((2, 3), (report.Start.Line, report.Start.Column));
        Assert.Equal((2, 6), (report.End.Line, report.End.Column));
        Assert.Equal((5, 3), (report.StartOffset, report.Length));
        Assert.Equal((8, 3), (report.Utf8StartOffset, report.Utf8Length));
    }
}
