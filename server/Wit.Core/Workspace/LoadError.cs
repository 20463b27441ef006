using Wit.Core.Diagnostics;

namespace Wit.Core.Workspace;

/// <summary>A path the loader could not use, and why.</summary>
public sealed class LoadError
{
    /// <summary>
    /// A path and the catalogue's message about it: a <see cref="ResolveDiagnostics.Wit1014"/> input that cannot be
    /// read, or a <see cref="ResolveDiagnostics.Wit1013"/> one that is not supported yet.
    /// </summary>
    public LoadError(string path, DiagnosticMessage diagnostic, bool isInvalidUtf8 = false)
    {
        Path = path;
        Diagnostic = diagnostic;
        IsInvalidUtf8 = isInvalidUtf8;
    }

    public string Path { get; }

    /// <summary>The message's code and text.</summary>
    public DiagnosticMessage Diagnostic { get; }

    public string Message => Diagnostic.Text;

    /// <summary>
    /// True when the file exists but its bytes are not UTF-8 (the diagnostic keeps wit-parser's two wordings; a tool
    /// that wants one message for every command asks this rather than the text).
    /// </summary>
    public bool IsInvalidUtf8 { get; }

    /// <summary>True for inputs that are valid but not supported yet (WIT packages encoded as components).</summary>
    public bool IsUnsupported => Diagnostic.Descriptor == ResolveDiagnostics.Wit1013;
}
