namespace Wit.Core.Lint;

/// <summary>
/// A set of default severities for the lint rules. <see cref="Default"/> is quiet on a well-kept package (WASI's
/// packages report no warning): it reports problems and informs about Canonical ABI costs, and leaves style
/// preferences off. <see cref="Strict"/> adds those preferences (documentation on every item, a gate on every member of
/// a gated package) and raises the ABI costs to warnings. <see cref="LintDiagnostics.SeverityIn"/> holds the table.
/// </summary>
public enum LintProfile
{
    /// <summary>Problems as warnings, ABI costs as information, style preferences off.</summary>
    Default,

    /// <summary>Every rule on, at its descriptor's severity.</summary>
    Strict,
}
