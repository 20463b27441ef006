namespace Wit.Core.Diagnostics;

/// <summary>One entry of the diagnostic catalogue: a stable code, a default severity and a one-line title.</summary>
public sealed class DiagnosticDescriptor
{
    public DiagnosticDescriptor(string code, DiagnosticSeverity defaultSeverity, string title)
    {
        Code = code;
        DefaultSeverity = defaultSeverity;
        Title = title;
    }

    public string Code { get; }

    public DiagnosticSeverity DefaultSeverity { get; }

    public string Title { get; }

    public override string ToString() => Code;
}
