// A scripted debug session with @vscode/debugadapter-testsupport (VS Code's own test client for debug adapters) against
// the real wit-debug-adapter process on the C fixture tests/Wit.DebugAdapter.Tests/Programs/debuggee.c: break at a
// source line, read a C local of type struct, step over and into, read a local, stop at a trap with the wasm stack, and run to the exit code.
// A second session runs the same C program made a WASI 0.2 component (debuggee-component.wasm); a third breaks at its
// stdout write with a condition over the lifted WIT arguments and evaluates them.
// Run with `npm run test:dap -w vscode-extension` after building the adapter (`dotnet build server/Wit.DebugAdapter`);
// WIT_DEBUG_ADAPTER names another build (a native executable or a .dll).
import { DebugClient } from '@vscode/debugadapter-testsupport';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const programs = join(repo, 'tests', 'Wit.DebugAdapter.Tests', 'Programs');
const program = join(programs, 'debuggee.wasm');
const source = join(programs, 'debuggee.c');
const lineOf = (text) => readFileSync(source, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

/** The adapter to run: WIT_DEBUG_ADAPTER, else the Release or Debug build of server/Wit.DebugAdapter (run by dotnet). */
function adapter() {
  const named = process.env.WIT_DEBUG_ADAPTER;
  const candidates = named ? [named] : ['Release', 'Debug'].map((c) => join(repo, 'server', 'Wit.DebugAdapter', 'bin', c, 'net10.0', 'wit-debug-adapter.dll'));
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`no debug adapter: build server/Wit.DebugAdapter or set WIT_DEBUG_ADAPTER (looked at ${candidates.join(', ')})`);
  return found.endsWith('.dll') ? ['dotnet', found] : [found, ''];
}

/** A started DebugClient on the adapter, for the suite's tests; stopped after them. */
function client() {
  const handle = {};
  before(async () => {
    const [runtime, executable] = adapter();
    // DebugClient spawns `runtime executable`; for a native adapter the runtime is the adapter and the argument empty.
    handle.dc = new DebugClient(runtime, executable, 'wit');
    handle.dc.defaultTimeout = 30000;
    await handle.dc.start();
  });
  after(async () => {
    await handle.dc.stop();
  });
  return handle;
}

describe('wit-debug-adapter through @vscode/debugadapter-testsupport', () => {
  const session = client();

  it('breaks at a line, steps, reads a local, stops at a trap with the wasm stack and exits with 134', async () => {
    const { dc } = session;
    const line = lineOf('int a = square(p.x);');
    await dc.hitBreakpoint({ program, args: ['trap'] }, { path: source, line });

    const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(frames.slice(0, 2).map((f) => f.name), ['sum_squares', 'main']);
    // The C local of type struct, from DWARF: its summary, and its members when expanded.
    const cScopes = (await dc.scopesRequest({ frameId: frames[0].id })).body.scopes;
    const cLocals = (await dc.variablesRequest({ variablesReference: cScopes.find((s) => s.name === 'Locals').variablesReference })).body.variables;
    const p = cLocals.find((v) => v.name === 'p');
    assert.deepEqual({ value: p.value, type: p.type }, { value: '{x=3, y=4}', type: 'struct point' });
    const members = (await dc.variablesRequest({ variablesReference: p.variablesReference })).body.variables;
    assert.deepEqual(members.map((m) => [m.name, m.value]), [['x', '3'], ['y', '4']]);
    assert.equal((await dc.evaluateRequest({ expression: 'p.y', frameId: frames[0].id, context: 'watch' })).body.result, '4');
    assert.equal(frames[1].line, lineOf('total += sum_squares(p);'));

    // The client reads a response and the event after it in one go: listen for the event as the request goes out.
    await Promise.all([dc.assertStoppedLocation('step', { path: source, line: lineOf('int b = square(p.y);') }), dc.nextRequest({ threadId: 1 })]);
    const [inSquare] = await Promise.all([
      dc.assertStoppedLocation('step', { path: source, line: lineOf('int result = v * v;') }),
      dc.stepInRequest({ threadId: 1 }),
    ]);
    assert.equal(inSquare.body.stackFrames[0].name, 'square');

    const scopes = (await dc.scopesRequest({ frameId: inSquare.body.stackFrames[0].id })).body.scopes;
    const locals = (await dc.variablesRequest({ variablesReference: scopes.find((s) => s.name === 'Wasm Locals').variablesReference })).body.variables;
    // square(p.y) in the first iteration: v = 4, an i32.
    assert.deepEqual({ name: locals[0].name, value: locals[0].value, type: locals[0].type }, { name: 'local0', value: '4', type: 'i32' });

    await dc.setBreakpointsRequest({ source: { path: source }, breakpoints: [] });
    const outputSeen = dc.assertOutput('stdout', 'total=98\n');
    const trapStop = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    await outputSeen;
    const trap = await trapStop;
    assert.equal(trap.body.reason, 'exception');
    const info = (await dc.exceptionInfoRequest({ threadId: 1 })).body;
    assert.equal(info.exceptionId, 'trap');
    assert.match(info.details.stackTrace, /^ {2}at crash \(@0x[0-9a-f]+\) .*debuggee\.c:\d+\n {2}at main/);

    const [exited] = await Promise.all([dc.waitForEvent('exited'), dc.waitForEvent('terminated'), dc.continueRequest({ threadId: 1 })]);
    assert.equal(exited.body.exitCode, 134);
  });
});

describe('wit-debug-adapter on a component through @vscode/debugadapter-testsupport', () => {
  const session = client();

  it('breaks at a C line inside the component, reads a struct local, answers the instance tree and exits', async () => {
    const { dc } = session;
    const component = join(programs, 'debuggee-component.wasm');
    const line = lineOf('int a = square(p.x);');
    await dc.hitBreakpoint({ program: component }, { path: source, line });
    const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(frames.slice(0, 2).map((f) => f.name), ['sum_squares', 'main']);
    const scopes = (await dc.scopesRequest({ frameId: frames[0].id })).body.scopes;
    const locals = (await dc.variablesRequest({ variablesReference: scopes.find((s) => s.name === 'Locals').variablesReference })).body.variables;
    assert.equal(locals.find((v) => v.name === 'p').value, '{x=3, y=4}');

    // The custom request the Component Instances view sends at each stop.
    const tree = (await dc.customRequest('witComponentInstances')).body.root;
    const image = tree.coreInstances.find((c) => c.image);
    assert.ok(image.memories[0].pages >= 2, JSON.stringify(image));

    await dc.setBreakpointsRequest({ source: { path: source }, breakpoints: [] });
    const [exited] = await Promise.all([dc.waitForEvent('exited'), dc.assertOutput('stdout', 'total=98\n'), dc.continueRequest({ threadId: 1 })]);
    // main's 98 through the preview1 adapter is wasi:cli/exit's error: 1 under WASI 0.2.
    assert.equal(exited.body.exitCode, 1);
  });
});

describe('wit-debug-adapter: a conditional WIT function breakpoint', () => {
  const session = client();

  it('stops only at the write whose lifted bytes the condition names and evaluates WIT values there', async () => {
    const { dc } = session;
    const component = join(programs, 'debuggee-component.wasm');
    // launch() sends initialize and launch; the adapter sends 'initialized' after launch (breakpoints need the program).
    await Promise.all([dc.waitForEvent('initialized'), dc.launch({ program: component })]);
    const name = '[method]output-stream.blocking-write-and-flush';
    const set = await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name, condition: 'contents == "\\n"' }] });
    assert.ok(set.body.breakpoints[0].verified, set.body.breakpoints[0].message);
    // printf writes "total=98" and then "\n": the first write does not hold, so the stop is at the second.
    const [stopped] = await Promise.all([dc.waitForEvent('stopped'), dc.configurationDoneRequest()]);
    assert.equal(stopped.body.reason, 'function breakpoint');
    const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.match(frames[0].name, /^\[wit\] wasi:io\/streams@0\.2\.\d+#\[method\]output-stream\.blocking-write-and-flush$/);
    const length = (await dc.evaluateRequest({ expression: 'contents.len', frameId: frames[0].id, context: 'watch' })).body;
    assert.deepEqual({ result: length.result, type: length.type }, { result: '1', type: 'u32' });
    assert.equal((await dc.evaluateRequest({ expression: 'contents[0] == 10 && self.rep > 0', frameId: frames[0].id, context: 'watch' })).body.result, 'true');

    const [exited] = await Promise.all([dc.waitForEvent('exited'), dc.continueRequest({ threadId: 1 })]);
    assert.equal(exited.body.exitCode, 1);
  });
});
