namespace Wit.Core.Workspace;

/// <summary>
/// Turns a WIT package encoded as a WebAssembly component (wit-component's encoding, what wit-parser reads from a
/// <c>.wasm</c> root or <c>deps/</c> entry) into WIT text. Core has no WebAssembly decoder: <c>Wit.Runtime</c>
/// implements this, and the hosts that reference it (the command line, the language server) hand it to
/// <see cref="WorkspaceLoader"/>. Without one, encoded packages are reported as unsupported.
/// </summary>
public interface IPackageDecoder
{
    /// <summary>The package in <paramref name="bytes"/>, or why it cannot be read; never throws.</summary>
    DecodedPackage Decode(byte[] bytes);
}
