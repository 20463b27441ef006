using System;
using System.IO;

namespace Wit.Cli;

/// <summary>
/// What every command handler holds: where it writes (standard output and error, or test writers) and the directory
/// paths on the command line are relative to. Only <c>Program.cs</c> touches <c>Console</c>.
/// </summary>
public abstract class CommandHandler
{
    protected CommandHandler(TextWriter output, TextWriter error, string workingDirectory)
    {
        Output = output;
        Error = error;
        WorkingDirectory = workingDirectory;
    }

    protected TextWriter Output { get; }

    protected TextWriter Error { get; }

    protected string WorkingDirectory { get; }

    /// <summary>
    /// With <c>--timings</c>: ends the output phase once standard output has been handed on, then writes the report on
    /// standard error (before the command's summary). Nothing without it.
    /// </summary>
    protected void WriteTimings(PhaseTimings? phases)
    {
        if (phases is null) return;
        Output.Flush();
        phases.EndOutput();
        Error.Write(phases.Render());
    }

    /// <summary>With <c>--timings</c> on WITX input: says the phases are timed for WIT packages only.</summary>
    protected void NoteWitxNotTimed(bool timings, string path)
    {
        if (timings) Error.Write($"note: --timings times the phases of WIT packages; '{path.Replace('\\', '/')}' is WITX\n");
    }

    /// <summary>The bytes of a file relative to the working directory, or null after writing why it cannot be read.</summary>
    protected byte[]? ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(Path.Combine(WorkingDirectory, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error.Write($"error: cannot read '{path}': {e.Message}\n");
            return null;
        }
    }
}
