// The server's custom requests for the preview panes (see the server's Custom/ folder and PreviewHandler).

/** LSP position: zero-based line and UTF-16 character. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** `wit/witxPreview` and `wit/abiLayout` parameters: the item at a position of a document, or a named item. */
export interface ItemRequestParams {
  readonly textDocument: { readonly uri: string };
  readonly position?: Position;
  readonly name?: string;
}

/** The result of `wit/witxPreview`. */
export interface WitxPreview {
  readonly name: string;
  /** `interface` or `world`. */
  readonly kind: string;
  readonly witx: string;
  readonly warnings: readonly string[];
  /** The type or function under the cursor, for the pane to scroll to. */
  readonly focus?: WitxPreviewFocus | null;
}

/** The item under the cursor in a WITX preview: a type (`(typename $name ...)`) or a function (`(export "name")`). */
export interface WitxPreviewFocus {
  /** `type` or `function`. */
  readonly kind: string;
  readonly name: string;
}

/** One row of an ABI layout table. */
export interface AbiLayoutRow {
  readonly item: string;
  readonly kind: string;
  readonly name: string;
  readonly type?: string | null;
  readonly offset?: number | null;
  readonly size?: number | null;
  readonly alignment?: number | null;
  readonly note?: string | null;
}

/** The result of `wit/abiLayout`. */
export interface AbiLayout {
  readonly name: string;
  readonly kind: string;
  readonly rows: readonly AbiLayoutRow[];
  readonly markdown: string;
}

export const witxPreviewMethod = 'wit/witxPreview';
export const abiLayoutMethod = 'wit/abiLayout';

/** Sends one request to the server (the language client's sendRequest, or a fake in tests). */
export type Requester = <R>(method: string, params: ItemRequestParams) => Promise<R | null>;

/** `wit/wasmWit` parameters: a `.wasm` file's URI. */
export interface WasmWitParams {
  readonly uri: string;
}

/** The result of `wit/wasmWit`: the file's WIT and instance tree, or why there is none. */
export interface WasmWit {
  readonly wit?: string | null;
  /** `package` (an encoded WIT package) or `component`. */
  readonly kind?: string | null;
  readonly instances?: string | null;
  readonly error?: string | null;
}

export const wasmWitMethod = 'wit/wasmWit';

/** Sends `wit/wasmWit` to the server (or a fake in tests). */
export type WasmRequester = <R>(method: string, params: WasmWitParams) => Promise<R | null>;
