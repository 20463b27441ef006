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
