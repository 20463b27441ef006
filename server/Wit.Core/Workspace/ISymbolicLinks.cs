namespace Wit.Core.Workspace;

/// <summary>A file system that has symbolic links (the disk); others have none that can dangle.</summary>
public interface ISymbolicLinks
{
    /// <summary>Whether <paramref name="path"/> is a symbolic link whose target (followed to the end) does not exist.</summary>
    bool IsDanglingLink(string path);
}
