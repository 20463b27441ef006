// Finds the language server and the debug adapter to start. Pure (no `vscode` import) so the order of the search is unit-tested: the
// extension passes in what it knows about the machine.

import * as path from 'node:path';

/** Where the server came from, for the output channel and error messages. */
export type ServerSource = 'setting' | 'environment' | 'bundled' | 'bundled-dotnet';

/** A server to start: `command args...` over stdio. */
export interface ServerCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly source: ServerSource;
  /** The file that was found (the executable, or the .dll run by `dotnet`). */
  readonly file: string;
}

/** Why no server could be started, with what the user can do about it. */
export interface ServerNotFound {
  readonly error: string;
}

/** The facts the search reads, so that tests can describe any machine. */
export interface ServerSearch {
  /** The `wit.server.path` setting (empty or undefined when unset). */
  readonly settingPath?: string;
  /** The environment; `WIT_LANGUAGE_SERVER` is read from it. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The extension's install folder; the bundled builds are under `server/`. */
  readonly extensionPath: string;
  /** `process.platform` and `process.arch`. */
  readonly platform: string;
  readonly arch: string;
  /** Whether a file exists (and is a file). */
  readonly isFile: (file: string) => boolean;
  /** Finds `dotnet` (the `wit.server.dotnetPath` setting, DOTNET_ROOT, PATH); undefined when there is none. */
  readonly findDotnet: () => string | undefined;
}

/** The environment variable naming a server, used when the setting is empty. */
export const serverEnvironmentVariable = 'WIT_LANGUAGE_SERVER';

/** One of the .NET executables the extension bundles, and how the user overrides it. */
export interface BundledTool {
  /** What the messages call it: "WIT language server". */
  readonly title: string;
  /** The short word for it in messages: "server". */
  readonly noun: string;
  /** The setting naming it, and the environment variable used when the setting is empty. */
  readonly setting: string;
  readonly environmentVariable: string;
  /** The folder of the extension that holds `<rid>/<executable>` and `any/<executable>.dll`. */
  readonly folder: string;
  readonly executable: string;
  /** The arguments it runs with (over stdio). */
  readonly args: readonly string[];
}

/** The language server: `server/<rid>/wit-language-server`, `--stdio`. */
export const languageServerTool: BundledTool = {
  title: 'WIT language server',
  noun: 'server',
  setting: 'wit.server.path',
  environmentVariable: serverEnvironmentVariable,
  folder: 'server',
  executable: 'wit-language-server',
  args: ['--stdio'],
};

/** The debug adapter: `debug-adapter/<rid>/wit-debug-adapter`, DAP over stdio. */
export const debugAdapterTool: BundledTool = {
  title: 'WIT debug adapter',
  noun: 'debug adapter',
  setting: 'wit.debug.adapterPath',
  environmentVariable: 'WIT_DEBUG_ADAPTER',
  folder: 'debug-adapter',
  executable: 'wit-debug-adapter',
  args: [],
};

/** The runtime identifier of the self-contained build for a platform, as .NET names it (`linux-x64`, `win-arm64`). */
export function runtimeIdentifier(platform: string, arch: string): string | undefined {
  const os = platform === 'linux' ? 'linux' : platform === 'darwin' ? 'osx' : platform === 'win32' ? 'win' : undefined;
  const cpu = arch === 'x64' ? 'x64' : arch === 'arm64' ? 'arm64' : undefined;
  return os && cpu ? `${os}-${cpu}` : undefined;
}

/**
 * The server to start: the `wit.server.path` setting, then the WIT_LANGUAGE_SERVER environment variable, then the
 * self-contained build bundled for this platform, then the bundled framework-dependent build run by `dotnet`. A path
 * ending in `.dll` (from the setting or the variable) is run by `dotnet` too. An explicit path that does not exist is
 * an error rather than a reason to fall back, so that a typo is reported instead of silently starting another server.
 */
export function findServer(search: ServerSearch): ServerCommand | ServerNotFound {
  return findTool(search, languageServerTool);
}

/** Finds a bundled tool by the same rules as {@link findServer}: its setting, its variable, the platform build, the portable one. */
export function findTool(search: ServerSearch, tool: BundledTool): ServerCommand | ServerNotFound {
  const explicit: Array<[string | undefined, ServerSource, string]> = [
    [search.settingPath, 'setting', `The setting ${tool.setting}`],
    [search.env[tool.environmentVariable], 'environment', `The environment variable ${tool.environmentVariable}`],
  ];
  for (const [value, source, what] of explicit) {
    const file = value?.trim();
    if (!file) continue;
    if (!search.isFile(file)) {
      return { error: `${what} names ${file}, which does not exist. Fix or clear it to use the ${tool.noun} bundled with the extension.` };
    }
    return commandFor(file, source, search, tool);
  }

  const rid = runtimeIdentifier(search.platform, search.arch);
  if (rid) {
    const file = path.join(search.extensionPath, tool.folder, rid, search.platform === 'win32' ? `${tool.executable}.exe` : tool.executable);
    if (search.isFile(file)) return { command: file, args: [...tool.args], source: 'bundled', file };
  }
  const dll = path.join(search.extensionPath, tool.folder, 'any', `${tool.executable}.dll`);
  if (search.isFile(dll)) {
    const dotnet = search.findDotnet();
    if (dotnet) return { command: dotnet, args: [dll, ...tool.args], source: 'bundled-dotnet', file: dll };
    return {
      error:
        `This extension has no ${tool.noun} built for ${rid ?? `${search.platform}-${search.arch}`}, and its portable ${tool.noun} needs the ` +
        '.NET 10 runtime, which was not found (looked at the setting wit.server.dotnetPath, DOTNET_ROOT and PATH). ' +
        `Install .NET 10 from https://dot.net, install the .vsix built for your platform, or set ${tool.setting} to a ${tool.executable}.`,
    };
  }
  return {
    error:
      `No ${tool.title} is bundled with this extension for ${rid ?? `${search.platform}-${search.arch}`}. ` +
      `Set ${tool.setting} (or the environment variable ${tool.environmentVariable}) to a ${tool.executable} executable or .dll.`,
  };
}

function commandFor(file: string, source: ServerSource, search: ServerSearch, tool: BundledTool): ServerCommand | ServerNotFound {
  if (file.toLowerCase().endsWith('.dll')) {
    const dotnet = search.findDotnet();
    if (!dotnet) {
      return { error: `${file} is a .NET assembly and needs the .NET 10 runtime, which was not found (wit.server.dotnetPath, DOTNET_ROOT, PATH).` };
    }
    return { command: dotnet, args: [file, ...tool.args], source, file };
  }
  return { command: file, args: [...tool.args], source, file };
}

/**
 * Finds `dotnet`: the given setting, then DOTNET_ROOT, then every PATH entry. `isFile` decides what exists.
 */
export function findDotnet(
  settingPath: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  platform: string,
  isFile: (file: string) => boolean,
): string | undefined {
  const name = platform === 'win32' ? 'dotnet.exe' : 'dotnet';
  const candidates: string[] = [];
  if (settingPath?.trim()) candidates.push(settingPath.trim());
  if (env.DOTNET_ROOT) candidates.push(path.join(env.DOTNET_ROOT, name));
  const separator = platform === 'win32' ? ';' : ':';
  for (const entry of (env.PATH ?? env.Path ?? '').split(separator)) {
    if (entry) candidates.push(path.join(entry, name));
  }
  return candidates.find(isFile);
}

/** Whether a search result is an error. */
export function isNotFound(result: ServerCommand | ServerNotFound): result is ServerNotFound {
  return 'error' in result;
}
