// The documents "WIT: Show WIT of WebAssembly File" and the .wasm editor open, without VS Code: a .wasm file's WIT under the `wit-wasm:`
// scheme (read-only; its path ends in .wit, so VS Code gives it the WIT language, the language client sends it to the
// server, and hover and go-to-definition work in it) and its instance tree under `wit-wasm-instances:`. Their text comes
// from the server's `wit/wasmWit`. Also the page of the .wasm editor (what opening a .wasm shows in its own tab): the
// instance tree, a core module's imports and exports, or the server's error.

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

  /** The server's answer for a file (asked once until forgotten); a failed request is the Error. */
  answer(fileUri: string): Promise<WasmWit | Error | null> {
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
    return `${fileUri}: ${kindName(answer.kind)}\n\n${answer.instances}`;
  }
}

function kindName(kind: string | null | undefined): string {
  return kind === 'package' ? 'an encoded WIT package' : kind === 'module' ? 'a core module (no WIT)' : 'a component';
}

/** Whether the answer has WIT to open (a component or an encoded package). */
export function hasWit(answer: WasmWit | Error | null): answer is WasmWit & { wit: string } {
  return answer !== null && !(answer instanceof Error) && typeof answer.wit === 'string' && answer.wit.length > 0;
}

/**
 * What "WIT: Show WIT of WebAssembly File" opens for an answer: the WIT and the instance tree beside it; for a core
 * module the instance document alone (its facts: a WIT document of a comment would be analysed, and reported, as WIT
 * without a package); for a malformed file or a failed request nothing but the error.
 */
export function documentsToOpen(fileUri: string, answer: WasmWit | Error | null): { wit: boolean; instances: boolean; error?: string } {
  if (hasWit(answer)) return { wit: true, instances: true };
  if (answer && !(answer instanceof Error) && answer.instances) return { wit: false, instances: true };
  const why = answer instanceof Error ? answer.message : answer?.error ?? 'the server gave no answer';
  return { wit: false, instances: false, error: `No WIT in ${fileUri}: ${why}` };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page of the .wasm editor for <paramref name="name"/> (the file's name): what the file is, its instance tree (a
 * core module: its imports and exports) or why there is none, and, when it has WIT, a link that opens it
 * (`showWitLink`, a `command:` URI). Everything from the file or the server is escaped; the page runs no script.
 */
export function wasmViewHtml(name: string, answer: WasmWit | Error | null | undefined, showWitLink: string): string {
  let heading: string;
  let body: string;
  if (answer === undefined) {
    heading = `${name}: reading…`;
    body = '';
  } else if (answer instanceof Error) {
    heading = `${name}: the server could not read it`;
    body = answer.message;
  } else if (!answer || (!answer.instances && !answer.wit)) {
    heading = `${name}: not a WebAssembly component or module`;
    body = answer?.error ?? 'the server gave no answer';
  } else {
    heading = `${name}: ${kindName(answer.kind)}`;
    body = (answer.error && !answer.wit ? `${answer.error}\n\n` : '') + (answer.instances ?? '');
  }
  const link = answer && hasWit(answer) ? `<p><a href="${escapeHtml(showWitLink)}">Show its WIT and instance tree</a> (read-only, with hover and navigation)</p>` : '';
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>body { font-family: var(--vscode-font-family); } pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); white-space: pre-wrap; }</style>
</head><body><h3>${escapeHtml(heading)}</h3>${link}<pre>${escapeHtml(body)}</pre></body></html>
`;
}
