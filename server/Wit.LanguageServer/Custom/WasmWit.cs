namespace Wit.LanguageServer.Custom;

/// <summary>
/// The result of <c>wit/wasmWit</c>: a <c>.wasm</c> file's WIT (an encoded package with the stubs of the packages it
/// uses as nested packages, or a component's <c>root</c> world), which the extension shows read-only and the server
/// analyses as a WIT document when it is opened under the <c>wit-wasm:</c> scheme, and its instance tree; or why there
/// is none.
/// </summary>
public sealed class WasmWit
{
    public string? Wit { get; set; }

    /// <summary>
    /// <c>package</c> for an encoded WIT package, <c>component</c> for any other component, <c>module</c> for a core
    /// module (no WIT: <see cref="Error"/> says so and <see cref="Instances"/> holds the module's imports and exports).
    /// </summary>
    public string? Kind { get; set; }

    /// <summary>The instance tree and memories (the static part of <c>wit inspect</c>).</summary>
    public string? Instances { get; set; }

    public string? Error { get; set; }
}
