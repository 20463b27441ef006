using System;
using System.Text;
using Wit.Protocol.Lsp;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

/// <summary>
/// <see cref="DiagnosticsPublisher.Fingerprint"/> hashes one diagnostic at a time; the id must stay the one of the
/// whole list hashed at once (the hash of the UTF-8 bytes of the joined lines), for any text, non-ASCII included.
/// </summary>
public sealed class DiagnosticsFingerprintTests
{
    [Fact]
    public void The_fingerprint_is_the_hash_of_the_joined_lines()
    {
        var diagnostics = new[]
        {
            Diagnostic("WIT2001", 2, 0, 4, "type 'x' has no documentation comment ('///')"),
            Diagnostic("WIT1001", 1, 10, 7, "name `é日本` does not exist " + new string('z', 5000)),
            Diagnostic("WIT0001", 1, 0, 0, string.Empty),
        };
        var joined = new StringBuilder();
        foreach (var d in diagnostics)
        {
            joined.Append(d.Code).Append('|').Append((int?)d.Severity).Append('|')
                .Append(d.Range.Start.Line).Append(':').Append(d.Range.Start.Character).Append('-')
                .Append(d.Range.End.Line).Append(':').Append(d.Range.End.Character).Append('|').Append(d.Message).Append('|')
                .Append(d.RelatedInformation?.Length ?? 0).Append('\n');
        }

        string expected = DiagnosticsPublisher.ListHash.Start.Append(Encoding.UTF8.GetBytes(joined.ToString())).ToString();

        Assert.Equal(expected, DiagnosticsPublisher.Fingerprint(diagnostics));
        Assert.Equal(24, expected.Length);
        Assert.Equal(DiagnosticsPublisher.ListHash.Start.ToString(), DiagnosticsPublisher.Fingerprint(Array.Empty<Diagnostic>()));
        Assert.NotEqual(DiagnosticsPublisher.Fingerprint(diagnostics), DiagnosticsPublisher.Fingerprint(diagnostics[..2]));
        // A changed character anywhere changes the id (the last diagnostic's message here).
        var changed = (Diagnostic[])diagnostics.Clone();
        changed[1] = Diagnostic("WIT1001", 1, 10, 7, "name `é日本` does not exist " + new string('z', 4999) + "y");
        Assert.NotEqual(DiagnosticsPublisher.Fingerprint(diagnostics), DiagnosticsPublisher.Fingerprint(changed));
    }

    private static Diagnostic Diagnostic(string code, int severity, int line, int character, string message) => new()
    {
        Code = code,
        Severity = (DiagnosticSeverity)severity,
        Range = new Wit.Protocol.Lsp.Range { Start = new Position { Line = line, Character = character }, End = new Position { Line = line, Character = character + 3 } },
        Message = message,
    };
}
