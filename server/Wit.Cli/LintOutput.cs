using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;

namespace Wit.Cli;

/// <summary>
/// The CI formats of <c>wit lint</c>: SARIF 2.1.0 for code scanning and GitHub Actions workflow commands
/// (<c>::warning file=…::message</c>).
/// </summary>
public static class LintOutput
{
    /// <summary>Where each rule's documentation page lives.</summary>
    public const string HelpUriPrefix = DiagnosticDocs.BaseUri;

    /// <summary>A SARIF 2.1.0 log with one run: the rules seen (all lint rules, plus any other code reported) and the results.</summary>
    public static string Sarif(IReadOnlyList<Diagnostic> diagnostics, LintOptions options)
    {
        var rules = new List<DiagnosticDescriptor>(LintDiagnostics.All);
        var ruleCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules) ruleCodes.Add(rule.Code);
        foreach (var diagnostic in diagnostics)
        {
            if (ruleCodes.Add(diagnostic.Code)) rules.Add(diagnostic.Descriptor);
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            writer.WriteStartObject("tool");
            writer.WriteStartObject("driver");
            writer.WriteString("name", "wit");
            writer.WriteString("informationUri", "https://github.com/wit-language-tools/wit-language-tools");
            writer.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Code);
                writer.WriteString("name", RuleName(rule.Title));
                writer.WriteStartObject("shortDescription");
                writer.WriteString("text", rule.Title);
                writer.WriteEndObject();
                writer.WriteString("helpUri", HelpUriPrefix + rule.Code + ".md");
                writer.WriteStartObject("defaultConfiguration");
                writer.WriteString("level", DefaultLevel(rule, options));
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", diagnostic.Code);
                writer.WriteString("level", SarifLevel(diagnostic.Severity));
                writer.WriteStartObject("message");
                writer.WriteString("text", diagnostic.Message);
                writer.WriteEndObject();
                writer.WriteStartArray("locations");
                string path = string.Empty;
                if (diagnostic.Document is { } document)
                {
                    path = DiagnosticRenderer.DisplayPath(document);
                    var (startLine, startColumn, endLine, endColumn) = Region(diagnostic);
                    writer.WriteStartObject();
                    writer.WriteStartObject("physicalLocation");
                    writer.WriteStartObject("artifactLocation");
                    writer.WriteString("uri", path);
                    writer.WriteEndObject();
                    writer.WriteStartObject("region");
                    writer.WriteNumber("startLine", startLine);
                    writer.WriteNumber("startColumn", startColumn);
                    writer.WriteNumber("endLine", endLine);
                    writer.WriteNumber("endColumn", endColumn);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartObject("partialFingerprints");
                writer.WriteString("primaryLocationLineHash", Fingerprint(diagnostic.Code, path, diagnostic.Message));
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One GitHub Actions workflow command per diagnostic, each ending with '\n'.</summary>
    public static string GitHub(IReadOnlyList<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            builder.Append("::").Append(GitHubCommand(diagnostic.Severity)).Append(' ');
            if (diagnostic.Document is { } document)
            {
                var (startLine, startColumn, endLine, endColumn) = Region(diagnostic);
                builder.Append("file=").Append(EscapeProperty(DiagnosticRenderer.DisplayPath(document)))
                    .Append(",line=").Append(startLine.ToString(CultureInfo.InvariantCulture))
                    .Append(",col=").Append(startColumn.ToString(CultureInfo.InvariantCulture))
                    .Append(",endLine=").Append(endLine.ToString(CultureInfo.InvariantCulture))
                    .Append(",endColumn=").Append(endColumn.ToString(CultureInfo.InvariantCulture))
                    .Append(',');
            }

            builder.Append("title=").Append(EscapeProperty(diagnostic.Code)).Append("::").Append(EscapeData(diagnostic.Message)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Workflow-command escaping of a message: <c>%</c>, <c>\r</c>, <c>\n</c>.</summary>
    public static string EscapeData(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Workflow-command escaping of a property value: as data, plus <c>:</c> and <c>,</c>.</summary>
    public static string EscapeProperty(string value) => EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");

    /// <summary>A stable hash of the code, path and message (hex SHA-256, first 32 digits).</summary>
    public static string Fingerprint(string code, string path, string message)
    {
        using var sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(code + "\n" + path + "\n" + message));
        var builder = new StringBuilder();
        for (int i = 0; i < 16; i++) builder.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    private static (int StartLine, int StartColumn, int EndLine, int EndColumn) Region(Diagnostic diagnostic)
    {
        var document = diagnostic.Document!;
        int start = Math.Min(Math.Max(0, diagnostic.Span.Start), document.Length);
        int end = Math.Min(Math.Max(start, diagnostic.Span.End), document.Length);
        var (startLine, startColumn) = document.GetDisplayLocation(start);
        var (endLine, endColumn) = document.GetDisplayLocation(end);
        return (startLine, startColumn, endLine, endColumn);
    }

    // A lint rule's level is the one the run used (its profile and overrides; "none" when off), other codes' their own.
    private static string DefaultLevel(DiagnosticDescriptor rule, LintOptions options)
    {
        if (LintDiagnostics.Find(rule.Code) is null) return SarifLevel(rule.DefaultSeverity);
        return options.SeverityOf(rule) is { } severity ? SarifLevel(severity) : "none";
    }

    private static string SarifLevel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static string GitHubCommand(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "notice",
    };

    // "Missing documentation" -> "MissingDocumentation": SARIF rule names are identifiers.
    private static string RuleName(string title)
    {
        var builder = new StringBuilder();
        bool upper = true;
        foreach (char c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return builder.ToString();
    }
}
