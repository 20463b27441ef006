// Turns component (or core module) texts into binaries with wasm-tools' text parser inside jco.
// Usage: node parse-components.mjs <jco-transpile dir> <texts.json>  > results.json
// Input: a JSON array of texts. Output: a JSON array, per text {"wasm": base64} or {"error": message}.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [jcoTranspile, input] = process.argv.slice(2);
const { parse } = await import(pathToFileURL(join(jcoTranspile, 'dist', 'wasm-tools.js')).href);
const texts = JSON.parse(readFileSync(input, 'utf8'));
const results = [];
for (const text of texts) {
  try {
    const bytes = await parse(text);
    results.push({ wasm: Buffer.from(bytes).toString('base64') });
  } catch (e) {
    results.push({ error: String(e?.message ?? e) });
  }
}
process.stdout.write(JSON.stringify(results));
