using System.Collections.Generic;
using Wit.Core.Diagnostics;

namespace Wit.Core.Lint;

/// <summary>
/// The catalogue of problems in a lint configuration file (<c>.witlint.json</c>): <c>WIT2100</c>. Apart from
/// <see cref="LintDiagnostics"/> because it is no lint rule (it cannot be configured or suppressed). The language
/// server reports it on the file; <c>wit lint</c> prints it and exits with 2.
/// </summary>
public static class LintConfigurationDiagnostics
{
    /// <summary>A <c>.witlint.json</c> that is not valid JSON or holds a setting, rule or level the linter does not know.</summary>
    public static readonly DiagnosticDescriptor Wit2100 = new("WIT2100", DiagnosticSeverity.Error, "Invalid lint configuration");

    /// <summary>Every descriptor of this catalogue.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[] { Wit2100 };

    // WIT2100: the file as a whole.

    /// <summary>WIT2100: the text is not JSON; <paramref name="detail"/> is the JSON reader's explanation.</summary>
    public static DiagnosticMessage InvalidJson(string detail) => Wit2100.Message($"invalid JSON: {detail}");

    /// <summary>WIT2100: the JSON is an array, a string or a number.</summary>
    public static DiagnosticMessage NotAnObject() => Wit2100.Message("the configuration must be a JSON object");

    /// <summary>WIT2100: a top-level key other than <c>profile</c> and <c>rules</c>.</summary>
    public static DiagnosticMessage UnknownSetting(string name) => Wit2100.Message($"unknown setting '{name}' (expected 'profile' or 'rules')");

    // WIT2100: the settings.

    /// <summary>WIT2100: <c>profile</c> is not <c>"default"</c> or <c>"strict"</c>; <paramref name="json"/> is its JSON text.</summary>
    public static DiagnosticMessage InvalidProfile(string json) => Wit2100.Message($"invalid profile {json} (expected \"default\" or \"strict\")");

    /// <summary>WIT2100: <c>rules</c> is not an object.</summary>
    public static DiagnosticMessage RulesNotAnObject() => Wit2100.Message("'rules' must be an object mapping rule codes to levels");

    /// <summary>WIT2100: a rule code the linter does not have; <paramref name="known"/> lists those it has.</summary>
    public static DiagnosticMessage UnknownRule(string rule, IReadOnlyList<string> known) =>
        Wit2100.Message($"unknown lint rule '{rule}' (known: {string.Join(", ", known)})");

    /// <summary>WIT2100: a rule's level is not one of the five; <paramref name="json"/> is its JSON text.</summary>
    public static DiagnosticMessage InvalidLevel(string rule, string json) =>
        Wit2100.Message($"invalid level for '{rule}': {json} (expected \"off\", \"hint\", \"info\", \"warning\" or \"error\")");
}
