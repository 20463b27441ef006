// The preview documents in VS Code: the WITX preview (one read-only document that follows the cursor of .wit
// editors) and ABI layout documents (one per request). Their text comes from previewModel.ts.

import * as vscode from 'vscode';
import { AbiLayoutModel, abiLayoutScheme, WitxPreviewModel, witxPreviewPath, witxPreviewScheme } from './previewModel';
import { Requester } from './protocol';

/** How long the cursor must rest before the WITX preview asks the server again. */
const followDelayMs = 150;
/** How long a refresh waits for VS Code to read the preview's new text before scrolling anyway. */
const revealWaitMs = 500;

/** Resolves when the document changes, or after the timeout. */
function documentChanged(uri: vscode.Uri, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.toString() === uri.toString()) done();
    });
    function done() {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}

export class Previews implements vscode.Disposable {
  private readonly witx: WitxPreviewModel;
  private readonly abi: AbiLayoutModel;
  private readonly witxChanged = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  /** The WITX preview document's URI. */
  static readonly witxUri = vscode.Uri.from({ scheme: witxPreviewScheme, path: '/' + witxPreviewPath });

  constructor(request: Requester) {
    this.witx = new WitxPreviewModel(request);
    this.abi = new AbiLayoutModel(request);
    this.disposables.push(
      this.witxChanged,
      vscode.workspace.registerTextDocumentContentProvider(witxPreviewScheme, {
        onDidChange: this.witxChanged.event,
        provideTextDocumentContent: () => this.witx.content,
      }),
      vscode.workspace.registerTextDocumentContentProvider(abiLayoutScheme, {
        provideTextDocumentContent: (uri) => this.abi.content(uri.path.slice(1)) ?? 'This layout is no longer available: run "WIT: Show Canonical ABI Layout" again.\n',
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => this.schedule(event.textEditor)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        const editor = vscode.window.activeTextEditor;
        if (editor && editor.document === event.document) this.schedule(editor);
      }),
    );
  }

  /** "WIT: Show WITX Preview": opens the preview beside the active .wit editor and fills it for the cursor. */
  async showWitxPreview(): Promise<void> {
    const editor = activeWitEditor();
    if (!editor) {
      void vscode.window.showInformationMessage('WIT: open a .wit file and put the cursor in an interface or world to preview its WITX.');
      return;
    }
    await this.refresh(editor);
    const document = await vscode.workspace.openTextDocument(Previews.witxUri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  }

  /** "WIT: Show Canonical ABI Layout": opens a document with the layout tables of the item at the cursor. */
  async showAbiLayout(name?: string): Promise<void> {
    const editor = activeWitEditor();
    if (!editor) {
      void vscode.window.showInformationMessage('WIT: open a .wit file and put the cursor on a type or function to see its Canonical ABI layout.');
      return;
    }
    const position = editor.selection.active;
    const result = await this.abi.open(editor.document.uri.toString(), { line: position.line, character: position.character }, name);
    if ('error' in result) {
      void vscode.window.showInformationMessage(`WIT: ${result.error}`);
      return;
    }
    const uri = vscode.Uri.from({ scheme: abiLayoutScheme, path: '/' + result.path });
    const document = await vscode.workspace.openTextDocument(uri);
    // The tables read best rendered: the built-in Markdown preview; the Markdown text when that extension is off.
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
    }
  }

  private schedule(editor: vscode.TextEditor): void {
    if (editor.document.languageId !== 'wit' || !this.isWitxPreviewVisible()) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(editor), followDelayMs);
  }

  private async refresh(editor: vscode.TextEditor): Promise<void> {
    const position = editor.selection.active;
    if (await this.witx.follow(editor.document.uri.toString(), { line: position.line, character: position.character })) {
      // Scroll only once VS Code has read the new text, or the line would be looked for in the old one.
      const updated = documentChanged(Previews.witxUri, revealWaitMs);
      this.witxChanged.fire(Previews.witxUri);
      await updated;
    }
    this.revealFocus();
  }

  /** Scrolls the visible WITX preview to the item under the cursor, when the cursor is on a type or function. */
  private revealFocus(): void {
    const line = this.witx.focusLine;
    if (line === undefined) return;
    for (const preview of vscode.window.visibleTextEditors) {
      if (preview.document.uri.toString() !== Previews.witxUri.toString() || line >= preview.document.lineCount) continue;
      const range = new vscode.Range(line, 0, line, 0);
      preview.revealRange(range, vscode.TextEditorRevealType.AtTop);
    }
  }

  private isWitxPreviewVisible(): boolean {
    return vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === Previews.witxUri.toString());
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function activeWitEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'wit') return editor;
  // With the preview focused, the .wit editor beside it is the one meant.
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'wit');
}
