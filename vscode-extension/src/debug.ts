// The `wit` debugger: VS Code starts the bundled wit-debug-adapter (found like the language server) and talks DAP to
// it; the configuration provider fills a launch configuration for F5 without a launch.json.

import * as vscode from 'vscode';
import { ensureExecutable, locateTool } from './server';
import { debugAdapterTool, isNotFound } from './serverPath';
import { defaultLaunchConfiguration, witDebugType } from './debugConfiguration';

/** Starts the adapter executable for each debug session of type `wit`. */
export class WitDebugAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly extensionPath: string) {}

  createDebugAdapterDescriptor(): vscode.ProviderResult<vscode.DebugAdapterDescriptor> {
    const found = locateTool(this.extensionPath, debugAdapterTool);
    if (isNotFound(found)) throw new Error(found.error);
    if (found.source === 'bundled') ensureExecutable(found.command);
    return new vscode.DebugAdapterExecutable(found.command, [...found.args]);
  }
}

/** Offers the initial launch.json entry and completes an empty configuration (F5 with no launch.json). */
export class WitDebugConfigurationProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.ProviderResult<vscode.DebugConfiguration[]> {
    return [defaultLaunchConfiguration('${workspaceFolder}/program.wasm')];
  }

  resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.ProviderResult<vscode.DebugConfiguration> {
    if (!config.type && !config.request && !config.name) {
      // F5 without a launch.json: debug the .wasm open in the editor, if that is what it shows.
      const file = vscode.window.activeTextEditor?.document.uri.fsPath;
      if (!file?.endsWith('.wasm')) {
        void vscode.window.showInformationMessage('Add a "wit" configuration to launch.json with the .wasm to debug as its "program".');
        return undefined;
      }
      return defaultLaunchConfiguration(file);
    }
    if (config.type === witDebugType && !config.program) {
      void vscode.window.showErrorMessage('The "wit" launch configuration needs a "program": the .wasm file to run.');
      return undefined;
    }
    return config;
  }
}

export function registerDebugger(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory(witDebugType, new WitDebugAdapterFactory(context.extensionPath)),
    vscode.debug.registerDebugConfigurationProvider(witDebugType, new WitDebugConfigurationProvider()),
  );
}
