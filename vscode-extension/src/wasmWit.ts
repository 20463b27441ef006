// "WIT: Show WIT of WebAssembly File": a .wasm file's WIT (read-only, analysed by the server: hover and go-to-definition)
// beside its instance tree. Runs from the command palette (asks for a file), the explorer's context menu and the title
// bar of a .wasm file. The text comes from wasmWitModel.ts.

import * as vscode from 'vscode';
import { WasmRequester } from './protocol';
import { wasmInstancesPath, wasmInstancesScheme, wasmPathOf, WasmWitModel, wasmWitPath, wasmWitScheme } from './wasmWitModel';

export class WasmWitDocuments implements vscode.Disposable {
  private readonly model: WasmWitModel;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(request: WasmRequester) {
    this.model = new WasmWitModel(request);
    const fileOf = (uri: vscode.Uri) => vscode.Uri.file(wasmPathOf(uri.path)).toString();
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(wasmWitScheme, { provideTextDocumentContent: (uri) => this.model.wit(fileOf(uri)) }),
      vscode.workspace.registerTextDocumentContentProvider(wasmInstancesScheme, { provideTextDocumentContent: (uri) => this.model.instances(fileOf(uri)) }),
    );
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
    const wit = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: wasmWitScheme, path: wasmWitPath(file.path) }));
    await vscode.window.showTextDocument(wit, { preview: false });
    const instances = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: wasmInstancesScheme, path: wasmInstancesPath(file.path) }));
    await vscode.window.showTextDocument(instances, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The .wasm file of the active tab (a binary file shows in no text editor, so the tab's input says which). */
function activeWasm(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input && typeof input === 'object' && 'uri' in input ? (input as { uri: unknown }).uri : undefined;
  return uri instanceof vscode.Uri && uri.path.endsWith('.wasm') ? uri : undefined;
}
