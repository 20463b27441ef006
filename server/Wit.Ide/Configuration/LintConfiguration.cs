using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;
using Wit.Core.Text;
using Wit.Core.Workspace;

namespace Wit.Ide.Configuration;

/// <summary>
/// The lint configuration file, <c>.witlint.json</c> (<c>{ "profile": "default" | "strict", "rules": { "WIT2001":
/// "off" | "hint" | "info" | "warning" | "error" } }</c>, both optional; comments and trailing commas allowed), as
/// both <c>wit lint</c> and the language server read it: the nearest one to a package root, looked for in the root's
/// directory and its parents up to a stop directory (the CLI's working directory, the editor's workspace folder).
/// </summary>
/// <remarks>
/// The only JSON the IDE layer reads: a file of the user's, not a protocol message (the dependency rules allow
/// <c>System.Text.Json</c> in this folder alone).
/// </remarks>
public static class LintConfiguration
{
    /// <summary>The configuration file's name.</summary>
    public const string FileName = ".witlint.json";

    /// <summary>Whether <paramref name="path"/> names a lint configuration file.</summary>
    public static bool IsConfigurationFile(string? path) =>
        path is not null && string.Equals(System.IO.Path.GetFileName(path), FileName, StringComparison.Ordinal);

    /// <summary>
    /// The nearest configuration file for <paramref name="path"/> (a directory, or a file whose directory counts):
    /// in that directory, then each parent while it lies inside <paramref name="stopDirectory"/>, which is the last
    /// looked in. Null when there is none.
    /// </summary>
    public static string? Find(IFileSystem fileSystem, string path, string stopDirectory)
    {
        if (fileSystem is null) throw new ArgumentNullException(nameof(fileSystem));
        string? directory = fileSystem.DirectoryExists(path) ? path : System.IO.Path.GetDirectoryName(path);
        string stop = Trim(stopDirectory);
        while (directory is { Length: > 0 })
        {
            string candidate = System.IO.Path.Combine(directory, FileName);
            if (fileSystem.FileExists(candidate)) return candidate;
            string current = Trim(directory);
            if (string.Equals(current, stop, StringComparison.Ordinal) || !IsInside(current, stop)) break;
            directory = System.IO.Path.GetDirectoryName(current);
        }

        return null;
    }

    /// <summary>Reads the configuration at <paramref name="path"/>; a file that cannot be read is a problem too.</summary>
    public static LintConfigurationFile Read(IFileSystem fileSystem, string path)
    {
        if (fileSystem is null) throw new ArgumentNullException(nameof(fileSystem));
        string text;
        try
        {
            text = fileSystem.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var source = SourceText.From(string.Empty, path);
            return Unusable(path, string.Empty, new Diagnostic(LintConfigurationDiagnostics.InvalidJson(e.Message), new TextSpan(0, 0), document: source));
        }

        return Parse(text, path);
    }

    /// <summary>Parses configuration text; a problem (invalid JSON, an unknown setting, rule or level) makes it unusable.</summary>
    public static LintConfigurationFile Parse(string json, string? path = null)
    {
        if (json is null) throw new ArgumentNullException(nameof(json));
        var source = SourceText.From(json, path);
        var rules = new Dictionary<string, DiagnosticSeverity?>(StringComparer.Ordinal);
        LintProfile? profile = null;
        Diagnostic Problem(DiagnosticMessage message, string? near) => new(message, SpanOf(json, near), document: source);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object) return Unusable(path, json, Problem(LintConfigurationDiagnostics.NotAnObject(), null));
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "profile")
                {
                    profile = property.Value.ValueKind == JsonValueKind.String ? ParseProfile(property.Value.GetString()) : null;
                    if (profile is null) return Unusable(path, json, Problem(LintConfigurationDiagnostics.InvalidProfile(property.Value.GetRawText()), "\"profile\""));
                    continue;
                }

                if (property.Name != "rules") return Unusable(path, json, Problem(LintConfigurationDiagnostics.UnknownSetting(property.Name), Quoted(property.Name)));
                if (property.Value.ValueKind != JsonValueKind.Object) return Unusable(path, json, Problem(LintConfigurationDiagnostics.RulesNotAnObject(), "\"rules\""));
                foreach (var rule in property.Value.EnumerateObject())
                {
                    var descriptor = LintDiagnostics.Find(rule.Name.ToUpperInvariant());
                    if (descriptor is null) return Unusable(path, json, Problem(LintConfigurationDiagnostics.UnknownRule(rule.Name, Codes()), Quoted(rule.Name)));
                    if (!TryParseLevel(rule.Value.ValueKind == JsonValueKind.String ? rule.Value.GetString() : null, out var level))
                    {
                        return Unusable(path, json, Problem(LintConfigurationDiagnostics.InvalidLevel(rule.Name, rule.Value.GetRawText()), Quoted(rule.Name)));
                    }

                    rules[descriptor.Code] = level;
                }
            }
        }
        catch (JsonException e)
        {
            return Unusable(path, json, new Diagnostic(LintConfigurationDiagnostics.InvalidJson(WithoutPosition(e.Message)), SpanAt(json, e.LineNumber, e.BytePositionInLine), document: source));
        }

        return new LintConfigurationFile(path, json, profile, rules, null);
    }

    /// <summary>The profile named <paramref name="name"/> (<c>default</c> or <c>strict</c>), or null.</summary>
    public static LintProfile? ParseProfile(string? name) => name switch
    {
        "default" => LintProfile.Default,
        "strict" => LintProfile.Strict,
        _ => null,
    };

    /// <summary>A rule level: <c>off</c> (null), <c>hint</c>, <c>info</c>, <c>warning</c> or <c>error</c>; false for anything else.</summary>
    public static bool TryParseLevel(string? name, out DiagnosticSeverity? level)
    {
        level = null;
        switch (name)
        {
            case "off": return true;
            case "hint": level = DiagnosticSeverity.Hint; return true;
            case "info": level = DiagnosticSeverity.Information; return true;
            case "warning": level = DiagnosticSeverity.Warning; return true;
            case "error": level = DiagnosticSeverity.Error; return true;
            default: return false;
        }
    }

    private static LintConfigurationFile Unusable(string? path, string text, Diagnostic problem) =>
        new(path, text, null, new Dictionary<string, DiagnosticSeverity?>(), problem);

    /// <summary>
    /// The JSON reader's explanation without the zero-based " LineNumber: 0 | BytePositionInLine: 33." it appends: the
    /// diagnostic's own location says where, one-based as everywhere else.
    /// </summary>
    private static string WithoutPosition(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message.Substring(0, at) : message;
    }

    private static string Quoted(string name) => "\"" + name + "\"";

    /// <summary>The first occurrence of <paramref name="near"/> (a key as written), or the file's start.</summary>
    private static TextSpan SpanOf(string json, string? near)
    {
        int at = near is null ? -1 : json.IndexOf(near, StringComparison.Ordinal);
        return at < 0 ? new TextSpan(0, 0) : new TextSpan(at, near!.Length);
    }

    /// <summary>Where the JSON reader stopped: its line (0-based) and byte in that line, as a one-character span.</summary>
    private static TextSpan SpanAt(string json, long? line, long? bytePosition)
    {
        int offset = 0;
        for (long l = 0; l < (line ?? 0) && offset < json.Length; l++)
        {
            int next = json.IndexOf('\n', offset);
            if (next < 0) break;
            offset = next + 1;
        }

        // Bytes and characters agree on ASCII, which JSON keys and punctuation are; elsewhere this is near enough.
        int end = json.IndexOf('\n', offset);
        int lineLength = (end < 0 ? json.Length : end) - offset;
        offset += (int)Math.Min(bytePosition ?? 0, lineLength);
        return new TextSpan(offset, offset < json.Length ? 1 : 0);
    }

    private static string Trim(string path) => path.TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);

    private static bool IsInside(string path, string directory) =>
        path.StartsWith(directory + "/", StringComparison.Ordinal) || path.StartsWith(directory + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static IReadOnlyList<string> Codes()
    {
        var codes = new List<string>();
        foreach (var descriptor in LintDiagnostics.All) codes.Add(descriptor.Code);
        return codes;
    }
}
