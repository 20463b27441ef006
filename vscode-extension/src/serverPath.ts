// Finds the language server to start. Pure (no `vscode` import) so the order of the search is unit-tested: the
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

const executableName = 'wit-language-server';
const dllName = 'wit-language-server.dll';

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
  const explicit: Array<[string | undefined, ServerSource, string]> = [
    [search.settingPath, 'setting', 'The setting wit.server.path'],
    [search.env[serverEnvironmentVariable], 'environment', `The environment variable ${serverEnvironmentVariable}`],
  ];
  for (const [value, source, what] of explicit) {
    const file = value?.trim();
    if (!file) continue;
    if (!search.isFile(file)) {
      return { error: `${what} names ${file}, which does not exist. Fix or clear it to use the server bundled with the extension.` };
    }
    return commandFor(file, source, search);
  }

  const rid = runtimeIdentifier(search.platform, search.arch);
  if (rid) {
    const file = path.join(search.extensionPath, 'server', rid, search.platform === 'win32' ? `${executableName}.exe` : executableName);
    if (search.isFile(file)) return { command: file, args: ['--stdio'], source: 'bundled', file };
  }
  const dll = path.join(search.extensionPath, 'server', 'any', dllName);
  if (search.isFile(dll)) {
    const dotnet = search.findDotnet();
    if (dotnet) return { command: dotnet, args: [dll, '--stdio'], source: 'bundled-dotnet', file: dll };
    return {
      error:
        `This extension has no server built for ${rid ?? `${search.platform}-${search.arch}`}, and its portable server needs the ` +
        '.NET 10 runtime, which was not found (looked at the setting wit.server.dotnetPath, DOTNET_ROOT and PATH). ' +
        'Install .NET 10 from https://dot.net, install the .vsix built for your platform, or set wit.server.path to a wit-language-server.',
    };
  }
  return {
    error:
      `No WIT language server is bundled with this extension for ${rid ?? `${search.platform}-${search.arch}`}. ` +
      `Set wit.server.path (or the environment variable ${serverEnvironmentVariable}) to a wit-language-server executable or .dll.`,
  };
}

function commandFor(file: string, source: ServerSource, search: ServerSearch): ServerCommand | ServerNotFound {
  if (file.toLowerCase().endsWith('.dll')) {
    const dotnet = search.findDotnet();
    if (!dotnet) {
      return { error: `${file} is a .NET assembly and needs the .NET 10 runtime, which was not found (wit.server.dotnetPath, DOTNET_ROOT, PATH).` };
    }
    return { command: dotnet, args: [file, '--stdio'], source, file };
  }
  return { command: file, args: ['--stdio'], source, file };
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
