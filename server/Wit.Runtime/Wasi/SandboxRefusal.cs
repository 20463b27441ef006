namespace Wit.Runtime.Wasi;

/// <summary>Why a guest path was refused by <see cref="WasiSandbox.Resolve"/>.</summary>
public enum SandboxRefusal
{
    None,
    /// <summary>The path leaves the preopen: absolute, <c>..</c> above its root, or a symlink pointing outside.</summary>
    Escape,
    /// <summary>A component on the way does not exist.</summary>
    NoEntry,
    /// <summary>A component on the way is a file, not a directory.</summary>
    NotDirectory,
    /// <summary>More than <see cref="WasiSandbox.MaxSymlinks"/> symlinks followed.</summary>
    Loop,
    /// <summary>The path or one component is longer than the limits.</summary>
    NameTooLong,
    /// <summary>The path is empty or holds a NUL (or, on Windows, a backslash or colon).</summary>
    Invalid,
}
