// Builds notes.wasm (the component binary both engines load) from notes.wat (its source) with wasm-tools' text
// parser inside jco. Run after editing notes.wat, then commit both:
//   node samples/csharp-host/component/build.mjs [path to @bytecodealliance/jco-transpile]
// Without an argument, jco is looked up where the repository's tests find it: the wit-oracle cache
// ($WIT_ORACLE_HOME, else ~/.cache/wit-oracle; ../shared/tools/wit-oracle/wit-oracle installs it there), then
// node_modules here. With --check, it only compares the committed notes.wasm with a fresh build (exit 1 if stale).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const given = args.find((a) => a !== '--check');
const cache = process.env.WIT_ORACLE_HOME || join(homedir(), '.cache', 'wit-oracle');
const candidates = given
  ? [given]
  : [join(cache, 'node_modules', '@bytecodealliance', 'jco-transpile'),
     join(here, '..', '..', '..', 'node_modules', '@bytecodealliance', 'jco-transpile')];
const jco = candidates.find((c) => existsSync(join(c, 'dist', 'wasm-tools.js')));
if (!jco) {
  console.error(`jco-transpile not found (looked in ${candidates.join(', ')}); run ../shared/tools/wit-oracle/wit-oracle once, or pass its directory`);
  process.exit(2);
}
const { parse } = await import(pathToFileURL(join(jco, 'dist', 'wasm-tools.js')).href);
const bytes = Buffer.from(await parse(readFileSync(join(here, 'notes.wat'), 'utf8')));
const out = join(here, 'notes.wasm');
if (check) {
  const same = existsSync(out) && Buffer.compare(readFileSync(out), bytes) === 0;
  console.log(same ? 'notes.wasm is up to date' : 'notes.wasm is stale: run build.mjs and commit it');
  process.exit(same ? 0 : 1);
}
writeFileSync(out, bytes);
console.log(`wrote ${out} (${bytes.length} bytes)`);
