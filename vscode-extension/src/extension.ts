// The extension's entry point: starts the WIT language server and registers the commands, preview documents, the
// `wit` task type and the `wit` debugger.

import * as vscode from 'vscode';
import { registerDebugger } from './debug';
import { registerComponentInstancesView } from './componentInstances';
import { Previews } from './previews';
import { ItemRequestParams } from './protocol';
import { WitServer } from './server';
import { WitTaskProvider } from './tasks';
import { witTaskType } from './taskDefinition';
import { WasmWitDocuments } from './wasmWit';
import { WasmWitParams } from './protocol';

/** What the extension exports, for tests and other extensions. */
export interface WitExtensionApi {
  readonly server: WitServer;
}

let server: WitServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<WitExtensionApi> {
  server = new WitServer(context.extensionPath);
  const current = server;
  const previews = new Previews(async <R>(method: string, params: ItemRequestParams) => {
    const client = current.running;
    if (!client) throw new Error('the WIT language server is not running (see the "WIT Language Server" output)');
    return (await client.sendRequest(method, params)) as R | null;
  });

  const wasm = new WasmWitDocuments(async <R>(method: string, params: WasmWitParams) => {
    const client = current.running;
    if (!client) throw new Error('the WIT language server is not running (see the "WIT Language Server" output)');
    return (await client.sendRequest(method, params)) as R | null;
  });

  context.subscriptions.push(
    current,
    previews,
    wasm,
    // The target: the explorer's or title bar's Uri, or a URI string (the .wasm editor's link).
    vscode.commands.registerCommand('wit.showWasmWit', (target?: unknown) =>
      wasm.show(target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target, true) : undefined)),
    vscode.commands.registerCommand('wit.restartServer', () => current.restart()),
    vscode.commands.registerCommand('wit.showWitxPreview', () => previews.showWitxPreview()),
    vscode.commands.registerCommand('wit.showAbiLayout', (name?: unknown) => previews.showAbiLayout(typeof name === 'string' ? name : undefined)),
    vscode.tasks.registerTaskProvider(witTaskType, new WitTaskProvider()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // Which server runs is decided at start; the other settings reach the running server by themselves.
      if (event.affectsConfiguration('wit.server')) void current.restart();
    }),
  );

  registerDebugger(context);
  registerComponentInstancesView(context);
  await current.start();
  return { server: current };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
