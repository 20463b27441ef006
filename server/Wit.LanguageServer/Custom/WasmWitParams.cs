namespace Wit.LanguageServer.Custom;

/// <summary><c>wit/wasmWit</c> parameters: the URI of a <c>.wasm</c> file (a component or an encoded WIT package).</summary>
public sealed class WasmWitParams
{
    public required string Uri { get; set; }
}
