// Prints the WIT of component binaries with wasm-tools' printer inside jco (`wasm-tools component wit`).
// Usage: node print-wit.mjs <jco-transpile dir> <binaries.json>  > results.json
// Input: a JSON array of base64 binaries. Output: a JSON array, per binary {"wit": text} or {"error": message}.
// A panic (upstream panics on a WIT package's encoding) poisons the instance: the next binary gets a fresh one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [jcoTranspile, input] = process.argv.slice(2);
const vendor = pathToFileURL(join(jcoTranspile, 'vendor', 'wasm-tools.js')).href;
let fresh = 0;
async function instance() {
  const m = await import(`${vendor}?instance=${fresh++}`);
  await m.$init;
  return m.tools;
}
let tools = await instance();
const results = [];
for (const binary of JSON.parse(readFileSync(input, 'utf8'))) {
  try {
    results.push({ wit: tools.componentWit(Buffer.from(binary, 'base64')) });
  } catch (e) {
    results.push({ error: String(e?.message ?? e) });
    tools = await instance();
  }
}
process.stdout.write(JSON.stringify(results));
