// Runs a WASI command under node's node:wasi (the reference for WasiTests): node node-wasi.mjs module.wasm [args...].
// The environment is GREETING=hi; stdout, stderr and the exit code are the program's.
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';
const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [file, ...args], env: { GREETING: 'hi' }, returnOnExit: true });
const module = await WebAssembly.compile(readFileSync(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
