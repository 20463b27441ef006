// Encodes WIT worlds as WIT packages in wit-component's binary encoding, with wasm-tools inside jco: `componentEmbed`
// writes a core module whose `component-type` custom section is the world's package encoding (the world, and every
// interface it imports and exports, those of other packages as stubs); this script returns that section.
// Usage: node encode-worlds.mjs <jco-transpile dir> <requests.json>  > results.json
// Paths are resolved to their real paths first: the WASI shim does not follow symbolic links.
// Input: a JSON array of {"path": WIT directory or file, "world": name}. Output: per request {"wasm": base64} or {"error": message}.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [jcoTranspile, input] = process.argv.slice(2);
// The WASI shim that jco-transpile imports is the one whose preopens let it read the WIT files.
const shimFile = 'preview2-shim/dist/nodejs/filesystem.js';
const shim = [join(jcoTranspile, 'node_modules/@bytecodealliance', shimFile), join(jcoTranspile, '..', shimFile)].find(existsSync);
const { _setPreopens } = await import(pathToFileURL(shim).href);
_setPreopens({ '/': '/' });
const { componentEmbed } = await import(pathToFileURL(join(jcoTranspile, 'dist', 'wasm-tools.js')).href);

function componentType(module) {
  let i = 8;
  const leb = () => {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = module[i++];
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
    }
  };
  while (i < module.length) {
    const id = module[i++];
    const size = leb();
    const end = i + size;
    if (id === 0) {
      const length = leb();
      const name = Buffer.from(module.subarray(i, i + length)).toString();
      if (name.startsWith('component-type')) return module.subarray(i + length, end);
    }
    i = end;
  }
  throw new Error('no component-type section');
}

const results = [];
for (const { path, world } of JSON.parse(readFileSync(input, 'utf8'))) {
  try {
    const module = await componentEmbed({ dummy: true, witPath: realpathSync(path), world });
    results.push({ wasm: Buffer.from(componentType(module)).toString('base64') });
  } catch (e) {
    results.push({ error: String(e?.message ?? e) });
  }
}
process.stdout.write(JSON.stringify(results));
