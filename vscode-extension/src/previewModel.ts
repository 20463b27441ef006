// The content of the preview documents, kept apart from the `vscode` glue (previews.ts) so it is unit-tested with a
// fake server: what each document says for each answer, when the WITX preview changes as the cursor moves, and what
// an error looks like.

import { AbiLayout, abiLayoutMethod, ItemRequestParams, Position, Requester, WitxPreview, WitxPreviewFocus, witxPreviewMethod } from './protocol';

/** The URI scheme of the WITX preview document. */
export const witxPreviewScheme = 'wit-witx-preview';
/** The URI scheme of ABI layout documents. */
export const abiLayoutScheme = 'wit-abi-layout';

/** The one WITX preview document; its `.witx` name gives it WITX highlighting. */
export const witxPreviewPath = 'WITX Preview.witx';

const placeholder =
  ';; WITX preview: put the cursor in an interface or world of a .wit file.\n' +
  ';; The preview follows the cursor and shows the WITX the interface or world derives to.\n';

/**
 * The WITX preview: follows the cursor of .wit editors. When the cursor leaves every interface and world the last
 * preview stays, so that clicking into the preview or onto a blank line does not empty it.
 */
export class WitxPreviewModel {
  private text = placeholder;
  private generation = 0;
  private line: number | undefined;

  constructor(private readonly request: Requester) {}

  /** The document's text now. */
  get content(): string {
    return this.text;
  }

  /** The zero-based line of the content where the item under the cursor is derived, if the cursor is on one. */
  get focusLine(): number | undefined {
    return this.line;
  }

  /**
   * Asks the server for the preview of the item at the position and returns whether the content changed. Answers
   * that arrive after a later call started are dropped, so a fast-moving cursor never shows an older item.
   */
  async follow(documentUri: string, position: Position): Promise<boolean> {
    const generation = ++this.generation;
    let next: string | undefined;
    let focus: WitxPreviewFocus | null | undefined;
    try {
      const preview = await this.request<WitxPreview>(witxPreviewMethod, { textDocument: { uri: documentUri }, position });
      if (preview) {
        next = renderWitxPreview(preview, documentUri);
        focus = preview.focus;
      }
    } catch (error) {
      next = `;; The server could not derive WITX here: ${describeError(error)}\n`;
    }
    if (generation !== this.generation || next === undefined) return false;
    // The line to scroll to follows the cursor even when the text stays the same (another item of the same interface).
    this.line = focus ? witxFocusLine(next, focus) : undefined;
    if (next === this.text) return false;
    this.text = next;
    return true;
  }
}

/**
 * The zero-based line of a preview's text where the focused item is derived: `(typename $name` for a type, the
 * `(@interface func (export "name")` line for a function; undefined when the WITX has no such line.
 */
export function witxFocusLine(text: string, focus: WitxPreviewFocus): number | undefined {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => {
    const trimmed = line.trimStart();
    if (focus.kind === 'type') {
      const head = `(typename $${focus.name}`;
      return trimmed.startsWith(head) && /^($|[\s)])/.test(trimmed.slice(head.length));
    }
    return focus.kind === 'function' && trimmed.startsWith(`(@interface func (export "${focus.name}")`);
  });
  return index < 0 ? undefined : index;
}

/** The preview document's text for an answer: a header naming the item and its file, the warnings, the WITX. */
export function renderWitxPreview(preview: WitxPreview, documentUri: string): string {
  const lines = [`;; WITX derived from ${preview.kind} ${preview.name}`, `;; source: ${documentUri}`];
  for (const warning of preview.warnings) lines.push(`;; warning: ${warning.replace(/\r?\n/g, ' ')}`);
  const witx = preview.witx.endsWith('\n') ? preview.witx : preview.witx + '\n';
  return lines.join('\n') + '\n\n' + witx;
}

/**
 * ABI layout documents: one per request, named after the item. The server renders the tables as Markdown; the
 * document adds a title. The newest `capacity` documents are kept (a Markdown preview may read its document again long
 * after the editor closed it, so closing is no reason to forget).
 */
export class AbiLayoutModel {
  private readonly documents = new Map<string, string>();
  private count = 0;

  constructor(
    private readonly request: Requester,
    private readonly capacity = 50,
  ) {}

  /**
   * Asks for the layout of the item at the position (or of a named item) and returns the path of a new document with
   * it, or an error message for the user when nothing has a layout there.
   */
  async open(documentUri: string, position: Position | undefined, name?: string): Promise<{ path: string } | { error: string }> {
    const params: ItemRequestParams = name ? { textDocument: { uri: documentUri }, name } : { textDocument: { uri: documentUri }, position };
    let layout: AbiLayout | null;
    try {
      layout = await this.request<AbiLayout>(abiLayoutMethod, params);
    } catch (error) {
      return { error: `The server could not compute a layout: ${describeError(error)}` };
    }
    if (!layout) {
      return { error: name ? `No type, function, interface or world named ${name} has a layout.` : 'Put the cursor on a type, function, interface or world to see its Canonical ABI layout.' };
    }
    // A counter keeps two layouts of the same name apart (they may differ after an edit).
    const path = `${safeFileName(layout.name)} (ABI ${++this.count}).md`;
    this.documents.set(path, renderAbiLayout(layout));
    // Maps iterate in insertion order: the first key is the oldest document.
    while (this.documents.size > this.capacity) this.documents.delete(this.documents.keys().next().value as string);
    return { path };
  }

  /** The text of a document opened by `open`, undefined for an unknown path. */
  content(path: string): string | undefined {
    return this.documents.get(path);
  }

}

/** An ABI layout document's text: a title, then the server's Markdown tables. */
export function renderAbiLayout(layout: AbiLayout): string {
  const body = layout.markdown.endsWith('\n') ? layout.markdown : layout.markdown + '\n';
  return `# Canonical ABI layout of ${layout.kind} \`${layout.name}\`\n\n${body}`;
}

function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|#%]/g, '_');
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
