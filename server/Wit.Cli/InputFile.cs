namespace Wit.Cli;

/// <summary>A file to process: where it is, and how messages name it.</summary>
public sealed class InputFile
{
    public InputFile(string fullPath, string displayPath)
    {
        FullPath = fullPath;
        DisplayPath = displayPath;
    }

    /// <summary>The absolute path, for reading.</summary>
    public string FullPath { get; }

    /// <summary>The path relative to the working directory with '/' separators, for output.</summary>
    public string DisplayPath { get; }

    public override string ToString() => DisplayPath;
}
