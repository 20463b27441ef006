// Runs a WASI command module under node:wasi for v8-stops.mjs, which debugs this process over the DevTools protocol.
// The `debugger` statement after compiling gives the driver its moment to set breakpoints in the module.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const [wasmPath, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [wasmPath, ...args], env: {}, returnOnExit: true });
const module = await WebAssembly.compile(readFileSync(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
debugger; // eslint-disable-line no-debugger
let code;
try {
  code = wasi.start(instance);
} catch (e) {
  code = `trap: ${e.message}`;
}
process.stderr.write(`exit: ${code}\n`);
