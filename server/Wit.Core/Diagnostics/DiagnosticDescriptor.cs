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

    /// <summary>
    /// A message written when it is read rather than now: for catalogues whose diagnostics are kept in great numbers
    /// (the lint keeps one per exported function of a large document) and read for a few (the editor shows 500 per file).
    /// </summary>
    internal DiagnosticMessage Message(System.Func<string> text) => new(this, text);

    public override string ToString() => Code;
}
