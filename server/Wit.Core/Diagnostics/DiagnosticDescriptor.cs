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

    /// <summary>A message of this code; only the catalogue's factories call it (a repository test checks).</summary>
    internal DiagnosticMessage Message(string text) => new(this, text);

    public override string ToString() => Code;
}
