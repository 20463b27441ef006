using System.Collections.Generic;
using Wit.Core.Diagnostics;

namespace Wit.Core.Lint;

/// <summary>
/// How <see cref="WitLinter"/> runs: a profile (<see cref="LintProfile"/>) giving each rule its severity, and a
/// severity per rule code overriding the profile's, or null for a rule turned off. Codes not listed keep their
/// profile's severity.
/// </summary>
public sealed class LintOptions
{
    /// <summary>Options with every rule at its severity in the default profile.</summary>
    public static readonly LintOptions Default = new();

    /// <summary>Options with every rule at its severity in the strict profile.</summary>
    public static readonly LintOptions Strict = new(null, LintProfile.Strict);

    /// <summary>Creates options with the given per-rule overrides (null severity: rule off) over <paramref name="profile"/>.</summary>
    public LintOptions(IReadOnlyDictionary<string, DiagnosticSeverity?>? severities = null, LintProfile profile = LintProfile.Default)
    {
        Severities = severities ?? new Dictionary<string, DiagnosticSeverity?>();
        Profile = profile;
    }

    /// <summary>The profile that gives rules not in <see cref="Severities"/> their severity.</summary>
    public LintProfile Profile { get; }

    /// <summary>Per-rule severities; a null value turns the rule off.</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity?> Severities { get; }

    /// <summary>
    /// The severity <paramref name="descriptor"/> is reported at, or null when it is off.
    /// </summary>
    public DiagnosticSeverity? SeverityOf(DiagnosticDescriptor descriptor) =>
        Severities.TryGetValue(descriptor.Code, out var severity) ? severity : LintDiagnostics.SeverityIn(descriptor, Profile);
}
