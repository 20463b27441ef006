import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WasmRequester, WasmWit, WasmWitParams } from '../../src/protocol';
import { wasmInstancesPath, wasmPathOf, WasmWitModel, wasmWitPath } from '../../src/wasmWitModel';

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
});
