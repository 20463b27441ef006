import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WasmRequester, WasmWit, WasmWitParams } from '../../src/protocol';
import { documentsToOpen, hasWit, wasmInstancesPath, wasmPathOf, wasmViewHtml, WasmWitModel, wasmWitPath } from '../../src/wasmWitModel';

/** A fake server: answers each request with the function's result and records the requests. */
function fakeServer(answer: (params: WasmWitParams) => WasmWit | Error | null) {
  const calls: Array<{ method: string; params: WasmWitParams }> = [];
  const request: WasmRequester = async <R>(method: string, params: WasmWitParams) => {
    calls.push({ method, params });
    const result = answer(params);
    if (result instanceof Error) throw result;
    return result as R | null;
  };
  return { request, calls };
}

const pkg: WasmWit = { kind: 'package', wit: 'package foo:foo;\n\ninterface types {}\n', instances: 'component: 0 core modules, 0 core instances, 0 instances\n' };

describe('WasmWitModel', () => {
  it('names the documents after the file, the WIT one with a .wit extension, and reads the file back from either', () => {
    assert.equal(wasmWitPath('/p/app.wasm'), '/p/app.wasm.wit');
    assert.equal(wasmInstancesPath('/p/app.wasm'), '/p/app.wasm.instances.txt');
    assert.equal(wasmPathOf(wasmWitPath('/p/app.wasm')), '/p/app.wasm');
    assert.equal(wasmPathOf(wasmInstancesPath('/p/app.wasm')), '/p/app.wasm');
  });

  it('asks wit/wasmWit once for both documents and shows the WIT as the server gave it', async () => {
    const server = fakeServer(() => pkg);
    const model = new WasmWitModel(server.request);
    assert.equal(await model.wit('file:///p/app.wasm'), pkg.wit);
    assert.equal(await model.instances('file:///p/app.wasm'), `file:///p/app.wasm: an encoded WIT package\n\n${pkg.instances}`);
    assert.deepEqual(server.calls, [{ method: 'wit/wasmWit', params: { uri: 'file:///p/app.wasm' } }]);
  });

  it('asks again after the answer is forgotten', async () => {
    let answer: WasmWit = pkg;
    const server = fakeServer(() => answer);
    const model = new WasmWitModel(server.request);
    await model.wit('file:///p/app.wasm');
    answer = { kind: 'component', wit: 'package root:component;\n\nworld root {}\n', instances: '' };
    model.forget('file:///p/app.wasm');
    assert.equal(await model.wit('file:///p/app.wasm'), answer.wit);
    assert.equal(server.calls.length, 2);
  });

  it('shows the server\'s error, or its failure, as a comment instead of failing', async () => {
    const model = new WasmWitModel(fakeServer((p) => (p.uri.endsWith('m.wasm') ? { error: 'm.wasm is not a component (a core module has no WIT)' } : new Error('the WIT language server is not running'))).request);
    assert.equal(await model.wit('file:///p/m.wasm'), '// No WIT in file:///p/m.wasm: m.wasm is not a component (a core module has no WIT)\n');
    assert.equal(await model.wit('file:///p/x.wasm'), '// The server could not read file:///p/x.wasm: the WIT language server is not running\n');
    assert.match(await model.instances('file:///p/m.wasm'), /^No instance tree for file:\/\/\/p\/m\.wasm: m\.wasm is not a component/);
  });

  it('names a core module as such in the instance document, with the facts the server gave', async () => {
    const module: WasmWit = { kind: 'module', error: 'm.wasm is not a component (a core module has no WIT)', instances: '1 functions (0 imported)\n  export run (func 0)\n' };
    const model = new WasmWitModel(fakeServer(() => module).request);
    assert.equal(await model.instances('file:///p/m.wasm'), `file:///p/m.wasm: a core module (no WIT)\n\n${module.instances}`);
    assert.equal(await model.wit('file:///p/m.wasm'), '// No WIT in file:///p/m.wasm: m.wasm is not a component (a core module has no WIT)\n');
  });
});

describe('documentsToOpen (what the command opens)', () => {
  it('opens the WIT and the instance tree of a component, the facts alone of a core module, and only the error otherwise', () => {
    assert.deepEqual(documentsToOpen('file:///p/a.wasm', pkg), { wit: true, instances: true });
    assert.deepEqual(documentsToOpen('file:///p/m.wasm', { kind: 'module', error: 'no WIT', instances: '  export run (func 0)\n' }), { wit: false, instances: true });
    assert.deepEqual(documentsToOpen('file:///p/cut.wasm', { error: 'cut.wasm: length out of bounds' }),
      { wit: false, instances: false, error: 'No WIT in file:///p/cut.wasm: cut.wasm: length out of bounds' });
    assert.deepEqual(documentsToOpen('file:///p/x.wasm', new Error('the WIT language server is not running')),
      { wit: false, instances: false, error: 'No WIT in file:///p/x.wasm: the WIT language server is not running' });
  });
});

describe('wasmViewHtml (the .wasm editor page)', () => {
  const link = 'command:wit.showWasmWit?%5B%22file%3A%2F%2F%2Fp%2Fa.wasm%22%5D';
  const pre = (html: string) => /<pre>([\s\S]*)<\/pre>/.exec(html)?.[1];

  it('shows a component\'s instance tree, escaped, with a link that opens its WIT', () => {
    const html = wasmViewHtml('a.wasm', { kind: 'component', wit: 'package root:component;\n', instances: 'instance 0: <b>&x</b>\n' }, link);
    assert.match(html, /<h3>a\.wasm: a component<\/h3>/);
    assert.equal(pre(html), 'instance 0: &#60;b&#62;&#38;x&#60;/b&#62;\n');
    assert.ok(html.includes(`<a href="${link}">Show its WIT`));
    assert.ok(hasWit({ wit: 'x' }) && !hasWit({ wit: '' }) && !hasWit(null) && !hasWit(new Error('e')));
  });

  it('shows a core module\'s facts under the reason it has no WIT, and no link', () => {
    const html = wasmViewHtml('m.wasm', { kind: 'module', error: 'm.wasm is not a component (a core module has no WIT)', instances: '  export run (func 0)\n' }, link);
    assert.match(html, /<h3>m\.wasm: a core module \(no WIT\)<\/h3>/);
    assert.equal(pre(html), 'm.wasm is not a component (a core module has no WIT)\n\n  export run (func 0)\n');
    assert.ok(!html.includes('<a '));
  });

  it('shows the server\'s error for a malformed file, and its failure when it could not answer', () => {
    const bad = wasmViewHtml('cut.wasm', { error: 'cut.wasm: length out of bounds (at offset 0x9)' }, link);
    assert.match(bad, /<h3>cut\.wasm: not a WebAssembly component or module<\/h3>/);
    assert.equal(pre(bad), 'cut.wasm: length out of bounds (at offset 0x9)');
    const failed = wasmViewHtml('x.wasm', new Error('the WIT language server is not running'), link);
    assert.match(failed, /<h3>x\.wasm: the server could not read it<\/h3>/);
    assert.equal(pre(failed), 'the WIT language server is not running');
    assert.match(wasmViewHtml('"<x>".wasm', undefined, link), /<h3>&#34;&#60;x&#62;&#34;\.wasm: reading…<\/h3>/);
  });

  it('runs no script: its content security policy allows styles only', () => {
    const html = wasmViewHtml('a.wasm', { kind: 'component', wit: 'w', instances: '<script>alert(1)</script>' }, link);
    assert.ok(html.includes("content=\"default-src 'none'; style-src 'unsafe-inline';\""));
    assert.ok(!html.includes('<script>'));
  });
});
