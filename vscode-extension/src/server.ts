// Starts, stops and restarts the language client over the server that serverPath.ts finds.

import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, RevealOutputChannelOn, ServerOptions, State } from 'vscode-languageclient/node';
import { syncLintConfigurations } from './lintConfigSync';
import { BundledTool, findDotnet, findTool, isNotFound, languageServerTool, ServerCommand } from './serverPath';

const documentSelector = [
  { scheme: 'file', language: 'wit' },
  { scheme: 'file', language: 'witx' },
  { scheme: 'untitled', language: 'wit' },
  { scheme: 'untitled', language: 'witx' },
  // The WIT of a .wasm file (wasmWit.ts): read-only, analysed as an unsaved buffer is.
  { scheme: 'wit-wasm', language: 'wit' },
];

export function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

// A .vsix is a zip: some installers drop the executable bit of the bundled server.
export function ensureExecutable(file: string): void {
  if (process.platform === 'win32') return;
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    try {
      fs.chmodSync(file, 0o755);
    } catch {
      // Starting it reports the problem with the path.
    }
  }
}

/** The server for this machine, from the settings, the environment and the extension's own files. */
function locateServer(extensionPath: string): ServerCommand | { error: string } {
  return locateTool(extensionPath, languageServerTool);
}

/** A bundled tool (the server, the debug adapter) for this machine: its setting, the environment, the extension's files. */
export function locateTool(extensionPath: string, tool: BundledTool): ServerCommand | { error: string } {
  const config = vscode.workspace.getConfiguration();
  const dotnetSetting = config.get<string>('wit.server.dotnetPath');
  return findTool({
    settingPath: config.get<string>(tool.setting),
    env: process.env,
    extensionPath,
    platform: process.platform,
    arch: process.arch,
    isFile,
    findDotnet: () => findDotnet(dotnetSetting, process.env, process.platform, isFile),
  }, tool);
}

/** Owns the language client: one at a time, restartable, with its output channel kept across restarts. */
export class WitServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private configSync: vscode.Disposable | undefined;
  private readonly output = vscode.window.createOutputChannel('WIT Language Server', { log: true });
  private readonly trace = vscode.window.createOutputChannel('WIT Language Server Trace', { log: true });
  constructor(private readonly extensionPath: string) {}

  /** The running client, if any. */
  get running(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  /** Starts the server, or explains with actions why it cannot. */
  async start(): Promise<void> {
    const server = locateServer(this.extensionPath);
    if (isNotFound(server)) {
      await this.report(server.error, server.error);
      return;
    }
    if (server.source === 'bundled') ensureExecutable(server.file);
    this.output.info(`Starting ${server.command} ${server.args.join(' ')} (${server.source})`);

    const serverOptions: ServerOptions = { command: server.command, args: [...server.args], options: { env: process.env } };
    const startedAt = Date.now();
    let firstDiagnostics = true;
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      middleware: {
        // Logs how long the first diagnostics took: the start-up a user waits for (measured by the e2e test too).
        handleDiagnostics: (uri, diagnostics, next) => {
          if (firstDiagnostics) {
            firstDiagnostics = false;
            this.output.info(`First diagnostics ${Date.now() - startedAt} ms after the server was started`);
          }
          next(uri, diagnostics);
        },
      },
      outputChannel: this.output,
      traceOutputChannel: this.trace,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // The server asks for the `wit` section itself (workspace/configuration); naming it here also pushes changes.
      synchronize: { configurationSection: 'wit' },
      initializationOptions: { settings: vscode.workspace.getConfiguration().get('wit') },
    };
    // The id `wit` makes the client read the `wit.trace.server` setting.
    const client = new LanguageClient('wit', 'WIT Language Server', serverOptions, clientOptions);
    this.client = client;
    try {
      await client.start();
    } catch (error) {
      this.client = undefined;
      const message = error instanceof Error ? error.message : String(error);
      await this.report(`The server did not start: ${message}`, `the language server (${server.file}) did not start: ${message}`);
      return;
    }
    this.output.info(`Server ready (initialize answered) ${Date.now() - startedAt} ms after it was started`);
    this.configSync = syncLintConfigurations(client);
  }

  /** Logs a start-up failure and shows it with the two ways out: the server settings and the log. */
  private async report(logged: string, shown: string): Promise<void> {
    this.output.error(logged);
    const choice = await vscode.window.showErrorMessage(`WIT: ${shown}`, 'Open Settings', 'Show Output');
    if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'wit.server');
    if (choice === 'Show Output') this.output.show();
  }

  /** Stops the client if it runs (waiting for the server to exit). */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.configSync?.dispose();
    this.configSync = undefined;
    if (client && client.state !== State.Stopped) {
      try {
        await client.stop(5000);
      } catch (error) {
        this.output.warn(`The server did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /** Stops and starts again, reading the settings anew (a changed wit.server.path takes effect). */
  async restart(): Promise<void> {
    this.output.info('Restarting the server');
    await this.stop();
    await this.start();
  }

  dispose(): void {
    void this.stop();
    this.output.dispose();
    this.trace.dispose();
  }
}
