using System;
using Wit.Core.Diagnostics;
using Wit.Core.Workspace;

namespace Wit.Runtime.Component;

/// <summary>
/// The loader's decoder of WIT packages encoded as components (<see cref="IPackageDecoder"/>): the component decoder,
/// then <see cref="WitFromComponent"/>. Bad bytes give a diagnostic, never an exception.
/// </summary>
public sealed class WitPackageDecoder : IPackageDecoder
{
    public static readonly WitPackageDecoder Instance = new();

    public DecodedPackage Decode(byte[] bytes)
    {
        if (!ComponentDecoder.IsComponent(bytes))
        {
            bool magic = bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == (byte)'a' && bytes[2] == (byte)'s' && bytes[3] == (byte)'m';
            return DecodedPackage.Failed(ResolveDiagnostics.EncodedPackageMalformed(
                !magic ? "not a WebAssembly binary (no \\0asm header)"
                : bytes.Length < 8 ? "the header is cut short (8 bytes expected)"
                : "a core module, not a component"));
        }
        try
        {
            return WitFromComponent.Decode(ComponentDecoder.Decode(bytes));
        }
        catch (WasmException e)
        {
            return DecodedPackage.Failed(ResolveDiagnostics.EncodedPackageMalformed(e.Message));
        }
        catch (Exception e) when (e is InvalidCastException or InvalidOperationException)
        {
            // A component the validator accepts but whose types do not have the package encoding's shape.
            return DecodedPackage.Failed(ResolveDiagnostics.EncodedPackageMalformed($"not in wit-component's package encoding ({e.Message})"));
        }
    }
}
