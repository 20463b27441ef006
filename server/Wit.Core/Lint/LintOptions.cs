using System.Collections.Generic;
using Wit.Core.Diagnostics;

namespace Wit.Core.Lint;

/// <summary>
/// How <see cref="WitLinter"/> runs: a severity per rule code overriding the default, or null for a rule turned off.
/// Codes not listed keep their default severity.
/// </summary>
public sealed class LintOptions
{
    /// <summary>Options with every rule at its default severity.</summary>
    public static readonly LintOptions Default = new();

    /// <summary>Creates options with the given per-rule overrides (null severity: rule off).</summary>
    public LintOptions(IReadOnlyDictionary<string, DiagnosticSeverity?>? severities = null)
    {
        Severities = severities ?? new Dictionary<string, DiagnosticSeverity?>();
    }

    /// <summary>Per-rule severities; a null value turns the rule off.</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity?> Severities { get; }

    /// <summary>
    /// The severity <paramref name="descriptor"/> is reported at, or null when it is off.
    /// </summary>
    public DiagnosticSeverity? SeverityOf(DiagnosticDescriptor descriptor) =>
        Severities.TryGetValue(descriptor.Code, out var severity) ? severity : descriptor.DefaultSeverity;
}
