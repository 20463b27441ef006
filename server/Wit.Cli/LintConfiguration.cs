using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;

namespace Wit.Cli;

/// <summary>
/// Reads <c>.witlint.json</c> (<c>{ "profile": "default" | "strict", "rules": { "WIT2001": "off" | "hint" | "info" |
/// "warning" | "error" } }</c>, both optional) into <see cref="LintOptions"/>: the profile gives every rule its
/// severity, and <c>rules</c> overrides it per rule. The file is looked for in the linted directory (or the file's directory) and its
/// parents, up to and including the working directory.
/// </summary>
public static class LintConfiguration
{
    /// <summary>The configuration file's name.</summary>
    public const string FileName = ".witlint.json";

    /// <summary>The nearest configuration file for <paramref name="fullPath"/>, or null.</summary>
    public static string? Find(string fullPath, string workingDirectory)
    {
        string? directory = Directory.Exists(fullPath) ? fullPath : Path.GetDirectoryName(fullPath);
        string stop = Path.GetFullPath(workingDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        while (directory is not null)
        {
            string candidate = Path.Combine(directory, FileName);
            if (File.Exists(candidate)) return candidate;
            if (string.Equals(directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), stop, StringComparison.Ordinal)) break;
            if (!directory.StartsWith(stop, StringComparison.Ordinal)) break;
            directory = Path.GetDirectoryName(directory);
        }

        return null;
    }

    /// <summary>
    /// Parses configuration text. Returns null and sets <paramref name="problem"/> for invalid JSON, an unknown rule
    /// code or an unknown level.
    /// </summary>
    public static LintOptions? Parse(string json, out string? problem)
    {
        problem = null;
        var severities = new Dictionary<string, DiagnosticSeverity?>(StringComparer.Ordinal);
        var profile = LintProfile.Default;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "the configuration must be a JSON object";
                return null;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "profile")
                {
                    var parsed = property.Value.ValueKind == JsonValueKind.String ? ParseProfile(property.Value.GetString()) : null;
                    if (parsed is null)
                    {
                        problem = $"invalid profile {property.Value.GetRawText()} (expected \"default\" or \"strict\")";
                        return null;
                    }

                    profile = parsed.Value;
                    continue;
                }

                if (property.Name != "rules")
                {
                    problem = $"unknown setting '{property.Name}' (expected 'profile' or 'rules')";
                    return null;
                }

                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    problem = "'rules' must be an object mapping rule codes to levels";
                    return null;
                }

                foreach (var rule in property.Value.EnumerateObject())
                {
                    var descriptor = LintDiagnostics.Find(rule.Name.ToUpperInvariant());
                    if (descriptor is null)
                    {
                        problem = $"unknown lint rule '{rule.Name}' (known: {string.Join(", ", Codes())})";
                        return null;
                    }

                    string? level = rule.Value.ValueKind == JsonValueKind.String ? rule.Value.GetString() : null;
                    switch (level)
                    {
                        case "off": severities[descriptor.Code] = null; break;
                        case "hint": severities[descriptor.Code] = DiagnosticSeverity.Hint; break;
                        case "info": severities[descriptor.Code] = DiagnosticSeverity.Information; break;
                        case "warning": severities[descriptor.Code] = DiagnosticSeverity.Warning; break;
                        case "error": severities[descriptor.Code] = DiagnosticSeverity.Error; break;
                        default:
                            problem = $"invalid level for '{rule.Name}': {rule.Value.GetRawText()} (expected \"off\", \"hint\", \"info\", \"warning\" or \"error\")";
                            return null;
                    }
                }
            }
        }
        catch (JsonException e)
        {
            problem = "invalid JSON: " + e.Message;
            return null;
        }

        return new LintOptions(severities, profile);
    }

    /// <summary>The profile named <paramref name="name"/> (<c>default</c> or <c>strict</c>), or null.</summary>
    public static LintProfile? ParseProfile(string? name) => name switch
    {
        "default" => LintProfile.Default,
        "strict" => LintProfile.Strict,
        _ => null,
    };

    private static IEnumerable<string> Codes()
    {
        foreach (var descriptor in LintDiagnostics.All) yield return descriptor.Code;
    }
}
