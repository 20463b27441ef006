// The documents "WIT: Show WIT of WebAssembly File" opens, without VS Code: a .wasm file's WIT under the `wit-wasm:`
// scheme (read-only; its path ends in .wit, so VS Code gives it the WIT language, the language client sends it to the
// server, and hover and go-to-definition work in it) and its instance tree under `wit-wasm-instances:`. Their text comes
// from the server's `wit/wasmWit`.

import { WasmRequester, WasmWit, wasmWitMethod } from './protocol';

export const wasmWitScheme = 'wit-wasm';
export const wasmInstancesScheme = 'wit-wasm-instances';

/** The path of a .wasm file's WIT document: the file's path with `.wit` added (`/p/app.wasm` -> `/p/app.wasm.wit`). */
export function wasmWitPath(wasmPath: string): string {
  return `${wasmPath}.wit`;
}

/** The path of the .wasm file a WIT (or instance tree) document shows. */
export function wasmPathOf(documentPath: string): string {
  return documentPath.replace(/(\.instances\.txt|\.wit)$/, '');
}

/** The path of a .wasm file's instance tree document. */
export function wasmInstancesPath(wasmPath: string): string {
  return `${wasmPath}.instances.txt`;
}

/** Asks the server once per .wasm file (until refreshed) and renders both documents from the answer. */
export class WasmWitModel {
  private readonly answers = new Map<string, Promise<WasmWit | Error | null>>();

  constructor(private readonly request: WasmRequester) {}

  /** Forgets the answer for a file (it changed on disk, or the user asked again). */
  forget(fileUri: string): void {
    this.answers.delete(fileUri);
  }

  private answer(fileUri: string): Promise<WasmWit | Error | null> {
    let answer = this.answers.get(fileUri);
    if (!answer) {
      answer = this.request<WasmWit>(wasmWitMethod, { uri: fileUri }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      this.answers.set(fileUri, answer);
    }
    return answer;
  }

  /** The WIT document's text: the WIT, or a comment saying why there is none. */
  async wit(fileUri: string): Promise<string> {
    const answer = await this.answer(fileUri);
    if (answer instanceof Error) return `// The server could not read ${fileUri}: ${answer.message}\n`;
    if (!answer || !answer.wit) return `// No WIT in ${fileUri}: ${answer?.error ?? 'the server gave no answer'}\n`;
    return answer.wit;
  }

  /** The instance tree document's text. */
  async instances(fileUri: string): Promise<string> {
    const answer = await this.answer(fileUri);
    if (answer instanceof Error) return `The server could not read ${fileUri}: ${answer.message}\n`;
    if (!answer || !answer.instances) return `No instance tree for ${fileUri}: ${answer?.error ?? 'the server gave no answer'}\n`;
    const what = answer.kind === 'package' ? 'an encoded WIT package' : 'a component';
    return `${fileUri}: ${what}\n\n${answer.instances}`;
  }
}
