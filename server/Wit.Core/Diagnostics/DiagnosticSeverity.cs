namespace Wit.Core.Diagnostics;

public enum DiagnosticSeverity
{
    Error,
    Warning,
    Information,
    Hint,
}
