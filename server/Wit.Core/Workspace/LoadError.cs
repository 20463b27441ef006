namespace Wit.Core.Workspace;

/// <summary>A path the loader could not use, and why.</summary>
public sealed class LoadError
{
    public LoadError(string path, string message, bool isUnsupported)
    {
        Path = path;
        Message = message;
        IsUnsupported = isUnsupported;
    }

    public string Path { get; }

    public string Message { get; }

    /// <summary>True for inputs that are valid but not supported yet (WIT packages encoded as components).</summary>
    public bool IsUnsupported { get; }
}
