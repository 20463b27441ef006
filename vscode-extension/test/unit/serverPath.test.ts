import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { debugAdapterTool, findDotnet, findServer, findTool, isNotFound, runtimeIdentifier, ServerSearch } from '../../src/serverPath';

const ext = '/ext';
const bundled = '/ext/server/linux-x64/wit-language-server';
const portable = '/ext/server/any/wit-language-server.dll';

/** A Linux x64 machine with the given files and, optionally, dotnet on PATH. */
function machine(files: string[], overrides: Partial<ServerSearch> = {}): ServerSearch {
  const set = new Set(files);
  return {
    env: {},
    extensionPath: ext,
    platform: 'linux',
    arch: 'x64',
    isFile: (f) => set.has(f),
    findDotnet: () => (set.has('/usr/bin/dotnet') ? '/usr/bin/dotnet' : undefined),
    ...overrides,
  };
}

describe('findServer', () => {
  it('prefers the setting over everything else', () => {
    const result = findServer(machine(['/opt/srv', bundled, '/env/srv'], { settingPath: '/opt/srv', env: { WIT_LANGUAGE_SERVER: '/env/srv' } }));
    assert.deepEqual(result, { command: '/opt/srv', args: ['--stdio'], source: 'setting', file: '/opt/srv' });
  });

  it('uses the environment variable when the setting is empty or blank', () => {
    const result = findServer(machine(['/env/srv', bundled], { settingPath: '  ', env: { WIT_LANGUAGE_SERVER: '/env/srv' } }));
    assert.deepEqual(result, { command: '/env/srv', args: ['--stdio'], source: 'environment', file: '/env/srv' });
  });

  it('uses the bundled self-contained build for the platform next', () => {
    const result = findServer(machine([bundled, portable, '/usr/bin/dotnet']));
    assert.deepEqual(result, { command: bundled, args: ['--stdio'], source: 'bundled', file: bundled });
  });

  it('falls back to the portable build run by dotnet when no build fits the platform', () => {
    const result = findServer(machine([bundled, portable, '/usr/bin/dotnet'], { arch: 'arm64' }));
    assert.deepEqual(result, { command: '/usr/bin/dotnet', args: [portable, '--stdio'], source: 'bundled-dotnet', file: portable });
  });

  it('falls back to the portable build when the platform build is missing', () => {
    const result = findServer(machine([portable, '/usr/bin/dotnet']));
    assert.equal(isNotFound(result) ? 'error' : result.source, 'bundled-dotnet');
  });

  it('explains what to install when only the portable build exists and dotnet is missing', () => {
    const result = findServer(machine([portable], { platform: 'darwin', arch: 'arm64' }));
    assert.ok(isNotFound(result));
    assert.match(result.error, /osx-arm64/);
    assert.match(result.error, /\.NET 10/);
    assert.match(result.error, /wit\.server\.path/);
  });

  it('reports a setting naming a missing file instead of silently using another server', () => {
    const result = findServer(machine([bundled], { settingPath: '/typo/srv' }));
    assert.ok(isNotFound(result));
    assert.match(result.error, /wit\.server\.path names \/typo\/srv/);
  });

  it('reports an environment variable naming a missing file', () => {
    const result = findServer(machine([bundled], { env: { WIT_LANGUAGE_SERVER: '/gone' } }));
    assert.ok(isNotFound(result));
    assert.match(result.error, /WIT_LANGUAGE_SERVER names \/gone/);
  });

  it('runs a .dll from the setting with dotnet', () => {
    const result = findServer(machine(['/b/Server.DLL', '/usr/bin/dotnet'], { settingPath: '/b/Server.DLL' }));
    assert.deepEqual(result, { command: '/usr/bin/dotnet', args: ['/b/Server.DLL', '--stdio'], source: 'setting', file: '/b/Server.DLL' });
  });

  it('reports a .dll without dotnet', () => {
    const result = findServer(machine(['/b/s.dll'], { settingPath: '/b/s.dll' }));
    assert.ok(isNotFound(result));
    assert.match(result.error, /needs the \.NET 10 runtime/);
  });

  it('says nothing is bundled when the extension has no server at all', () => {
    const result = findServer(machine([]));
    assert.ok(isNotFound(result));
    assert.match(result.error, /No WIT language server is bundled with this extension for linux-x64/);
  });

  it('names the Windows executable with .exe', () => {
    const exe = '/ext/server/win-x64/wit-language-server.exe';
    const result = findServer(machine([exe], { platform: 'win32' }));
    assert.equal(isNotFound(result) ? undefined : result.file, exe);
  });
});

describe('runtimeIdentifier', () => {
  it('maps Node platform and architecture names to .NET runtime identifiers', () => {
    assert.equal(runtimeIdentifier('linux', 'x64'), 'linux-x64');
    assert.equal(runtimeIdentifier('darwin', 'arm64'), 'osx-arm64');
    assert.equal(runtimeIdentifier('win32', 'arm64'), 'win-arm64');
    assert.equal(runtimeIdentifier('linux', 'ia32'), undefined);
    assert.equal(runtimeIdentifier('freebsd', 'x64'), undefined);
  });
});

describe('findTool for the debug adapter', () => {
  const adapter = '/ext/debug-adapter/linux-x64/wit-debug-adapter';
  const adapterDll = '/ext/debug-adapter/any/wit-debug-adapter.dll';

  it('uses the bundled build with no arguments (DAP over stdio is its only mode)', () => {
    assert.deepEqual(findTool(machine([adapter, bundled]), debugAdapterTool), { command: adapter, args: [], source: 'bundled', file: adapter });
  });

  it('reads its own setting and environment variable, not the server\'s', () => {
    const env = { WIT_DEBUG_ADAPTER: '/env/dap', WIT_LANGUAGE_SERVER: '/env/srv' };
    const fromEnv = findTool(machine(['/env/dap', '/env/srv', adapter], { env }), debugAdapterTool);
    assert.equal(isNotFound(fromEnv) ? fromEnv.error : fromEnv.command, '/env/dap');
    const typo = findTool(machine([adapter], { settingPath: '/typo/dap' }), debugAdapterTool);
    assert.ok(isNotFound(typo));
    assert.match(typo.error, /wit\.debug\.adapterPath names \/typo\/dap/);
  });

  it('runs the portable build with dotnet, and says what is missing otherwise', () => {
    const portableRun = findTool(machine([adapterDll, '/usr/bin/dotnet'], { arch: 'arm64' }), debugAdapterTool);
    assert.deepEqual(portableRun, { command: '/usr/bin/dotnet', args: [adapterDll], source: 'bundled-dotnet', file: adapterDll });
    const none = findTool(machine([bundled, portable]), debugAdapterTool);
    assert.ok(isNotFound(none));
    assert.match(none.error, /No WIT debug adapter is bundled with this extension for linux-x64/);
    assert.match(none.error, /WIT_DEBUG_ADAPTER/);
  });
});

describe('findDotnet', () => {
  const files = (...f: string[]) => (x: string) => f.includes(x);
  it('prefers the setting, then DOTNET_ROOT, then PATH in order', () => {
    const env = { DOTNET_ROOT: '/root', PATH: '/a:/b' };
    assert.equal(findDotnet('/set/dotnet', env, 'linux', files('/set/dotnet', '/root/dotnet', '/b/dotnet')), '/set/dotnet');
    assert.equal(findDotnet('', env, 'linux', files('/root/dotnet', '/b/dotnet')), '/root/dotnet');
    assert.equal(findDotnet(undefined, env, 'linux', files('/a/dotnet', '/b/dotnet')), '/a/dotnet');
    assert.equal(findDotnet(undefined, env, 'linux', files('/b/dotnet')), '/b/dotnet');
  });

  it('returns undefined when dotnet is nowhere', () => {
    assert.equal(findDotnet(undefined, { PATH: '/a:/b' }, 'linux', files()), undefined);
  });

  it('reads Windows paths with ; and dotnet.exe', () => {
    assert.equal(findDotnet(undefined, { Path: 'C1;C2' }, 'win32', files('C2/dotnet.exe')), 'C2/dotnet.exe');
  });
});
