using System.IO;
using Wit.Core.Diagnostics;

namespace Wit.Core.Workspace;

/// <summary>
/// Thrown by an <see cref="IFileSystem"/> that refuses a file because of its size (an editor's limits); the loader
/// reports its <see cref="Diagnostic"/> (a <see cref="ResolveDiagnostics.Wit1017"/> warning) at the file's start instead
/// of an unreadable-input error.
/// </summary>
public sealed class InputTooLargeException : IOException
{
    public InputTooLargeException(DiagnosticMessage diagnostic)
        : base(diagnostic.Text)
    {
        Diagnostic = diagnostic;
    }

    /// <summary>The catalogue's message about the file.</summary>
    public DiagnosticMessage Diagnostic { get; }
}
