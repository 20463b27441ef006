namespace Wit.Runtime.Wasi;

/// <summary>A resolved guest path: the host path and the path relative to the preopen's root (<c>/</c>-separated, empty for the root).</summary>
public readonly record struct SandboxPath(string Host, string Relative);
