// A .wasm file's WIT (read-only, analysed by the server: hover and go-to-definition) beside its instance tree. Opening a
// .wasm (explorer, quick open, `code file.wasm`) opens the .wasm editor (a custom editor, VS Code's default for *.wasm;
// "Open With..." still offers the text and hex editors): its page shows the instance tree, a core module's imports and
// exports, or the server's error, and when the file has WIT, the WIT opens in the same group with the instance tree
// beside it. "WIT: Show WIT of WebAssembly File" does the same from the command palette (asks for a file), the
// explorer's context menu and the title bar of a .wasm file. The text comes from wasmWitModel.ts.

import * as vscode from 'vscode';
import { WasmRequester } from './protocol';
import { documentsToOpen, hasWit, wasmInstancesPath, wasmInstancesScheme, wasmPathOf, wasmViewHtml, WasmWitModel, wasmWitPath, wasmWitScheme } from './wasmWitModel';

export const wasmEditorViewType = 'wit.wasmView';

export class WasmWitDocuments implements vscode.Disposable {
  private readonly model: WasmWitModel;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(request: WasmRequester) {
    this.model = new WasmWitModel(request);
    const fileOf = (uri: vscode.Uri) => vscode.Uri.file(wasmPathOf(uri.path)).toString();
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(wasmWitScheme, { provideTextDocumentContent: (uri) => this.model.wit(fileOf(uri)) }),
      vscode.workspace.registerTextDocumentContentProvider(wasmInstancesScheme, { provideTextDocumentContent: (uri) => this.model.instances(fileOf(uri)) }),
      vscode.window.registerCustomEditorProvider(wasmEditorViewType, {
        openCustomDocument: (uri) => ({ uri, dispose: () => undefined }),
        resolveCustomEditor: (document, panel) => this.resolve(document.uri, panel),
      }, { supportsMultipleEditorsPerDocument: true }),
    );
  }

  /** Fills the .wasm editor's page from the server's answer (asked afresh: the file may have changed), then opens the WIT. */
  private async resolve(file: vscode.Uri, panel: vscode.WebviewPanel): Promise<void> {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const link = `command:wit.showWasmWit?${encodeURIComponent(JSON.stringify([file.toString()]))}`;
    panel.webview.options = { enableScripts: false, enableCommandUris: ['wit.showWasmWit'] };
    panel.webview.html = wasmViewHtml(name, undefined, link);
    this.model.forget(file.toString());
    const answer = await this.model.answer(file.toString());
    panel.webview.html = wasmViewHtml(name, answer, link);
    // After VS Code has shown this editor: the WIT then opens over it, in its group.
    if (hasWit(answer)) setTimeout(() => void this.open(file, panel.viewColumn), 0);
  }

  /** Opens the WIT of <paramref name="target"/> (or of a .wasm file the user picks) and its instance tree beside it. */
  async show(target?: vscode.Uri): Promise<void> {
    let file = target ?? activeWasm();
    if (!file) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { WebAssembly: ['wasm'] }, openLabel: 'Show WIT' });
      file = picked?.[0];
    }
    if (!file) return;
    this.model.forget(file.toString());
    await this.open(file);
  }

  /**
   * Opens the WIT of <paramref name="file"/> in <paramref name="column"/> (default: the active group) and its instance
   * tree beside it; a core module's facts alone; a malformed file's error as a message.
   */
  private async open(file: vscode.Uri, column?: vscode.ViewColumn): Promise<void> {
    const plan = documentsToOpen(file.toString(), await this.model.answer(file.toString()));
    if (plan.error) {
      void vscode.window.showErrorMessage(plan.error);
      return;
    }
    if (plan.wit) {
      const wit = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: wasmWitScheme, path: wasmWitPath(file.path) }));
      await vscode.window.showTextDocument(wit, { viewColumn: column, preview: false });
    }
    const instances = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: wasmInstancesScheme, path: wasmInstancesPath(file.path) }));
    await vscode.window.showTextDocument(instances, plan.wit ? { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false } : { viewColumn: column, preview: false });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The .wasm file of the active tab (a .wasm shows in no text editor, so the tab's input says which). */
function activeWasm(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input && typeof input === 'object' && 'uri' in input ? (input as { uri: unknown }).uri : undefined;
  return uri instanceof vscode.Uri && uri.path.endsWith('.wasm') ? uri : undefined;
}
