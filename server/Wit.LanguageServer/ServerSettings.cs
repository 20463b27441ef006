using System;
using System.Collections.Generic;
using System.Text.Json;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;
using Wit.Core.Semantics;
using Wit.Ide;
using Wit.Ide.Configuration;

namespace Wit.LanguageServer;

/// <summary>
/// The <c>wit</c> settings section (from <c>workspace/configuration</c>, <c>didChangeConfiguration</c> or the
/// initialization options), read by hand from JSON so that nothing is deserialised by reflection:
/// <code>
/// { "features": ["name"], "allFeatures": false,
///   "lint": { "enabled": true, "profile": "default" | "strict",
///             "rules": { "WIT2001": "off" | "hint" | "info" | "warning" | "error" } },
///   "abi": { "memory64": false }, "inlayHints": { "enabled": true }, "codeLens": { "enabled": true } }
/// </code>
/// Unknown keys and values of the wrong type are ignored (and reported through <see cref="Problems"/>): a bad setting
/// never stops the server.
/// </summary>
internal sealed class ServerSettings
{
    public static readonly ServerSettings Default = new(new IdeOptions(packageDecoder: Runtime.Component.WitPackageDecoder.Instance), inlayHints: true, codeLens: true, Array.Empty<string>());

    private ServerSettings(IdeOptions options, bool inlayHints, bool codeLens, IReadOnlyList<string> problems)
    {
        Options = options;
        InlayHints = inlayHints;
        CodeLens = codeLens;
        Problems = problems;
    }

    public IdeOptions Options { get; }

    public bool InlayHints { get; }

    public bool CodeLens { get; }

    /// <summary>Settings that were ignored, with the reason (logged to the client).</summary>
    public IReadOnlyList<string> Problems { get; }

    public static ServerSettings From(JsonElement? section)
    {
        var problems = new List<string>();
        if (section is not { ValueKind: JsonValueKind.Object } root) return Default;

        var features = new List<string>();
        bool allFeatures = false, lintEnabled = true, memory64 = false, inlayHints = true, codeLens = true;
        var severities = new Dictionary<string, DiagnosticSeverity?>(StringComparer.Ordinal);
        var profile = LintProfile.Default;

        if (root.TryGetProperty("features", out var list))
        {
            if (list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } name) features.Add(name);
                    else problems.Add("wit.features: every entry must be a feature name (a string)");
                }
            }
            else
            {
                problems.Add("wit.features must be an array of feature names");
            }
        }

        allFeatures = Bool(root, "allFeatures", allFeatures, "wit.allFeatures", problems);
        if (root.TryGetProperty("lint", out var lint) && lint.ValueKind == JsonValueKind.Object)
        {
            lintEnabled = Bool(lint, "enabled", lintEnabled, "wit.lint.enabled", problems);
            if (lint.TryGetProperty("profile", out var named))
            {
                if (LintConfiguration.ParseProfile(named.ValueKind == JsonValueKind.String ? named.GetString() : null) is { } parsed) profile = parsed;
                else problems.Add("wit.lint.profile must be one of default, strict");
            }

            if (lint.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Object)
            {
                foreach (var rule in rules.EnumerateObject())
                {
                    if (LintConfiguration.TryParseLevel(rule.Value.ValueKind == JsonValueKind.String ? rule.Value.GetString() : null, out var level)) severities[rule.Name] = level;
                    else problems.Add($"wit.lint.rules.{rule.Name} must be one of off, hint, info, warning, error");
                }
            }
        }

        if (root.TryGetProperty("abi", out var abi) && abi.ValueKind == JsonValueKind.Object) memory64 = Bool(abi, "memory64", memory64, "wit.abi.memory64", problems);
        if (root.TryGetProperty("inlayHints", out var hints) && hints.ValueKind == JsonValueKind.Object) inlayHints = Bool(hints, "enabled", inlayHints, "wit.inlayHints.enabled", problems);
        if (root.TryGetProperty("codeLens", out var lens) && lens.ValueKind == JsonValueKind.Object) codeLens = Bool(lens, "enabled", codeLens, "wit.codeLens.enabled", problems);

        var options = new IdeOptions(new ResolveOptions(features, allFeatures), new LintOptions(severities, profile), lintEnabled, memory64, Runtime.Component.WitPackageDecoder.Instance);
        return new ServerSettings(options, inlayHints, codeLens, problems);
    }

    private static bool Bool(JsonElement parent, string name, bool fallback, string setting, List<string> problems)
    {
        if (!parent.TryGetProperty(name, out var value)) return fallback;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        problems.Add($"{setting} must be true or false");
        return fallback;
    }
}
