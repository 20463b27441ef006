// A batch form of ../shared/tools/wit-oracle: reads one WIT path per line on stdin and answers one JSON line each,
// {"ok":true} or {"ok":false,"error":"..."}, asking upstream wasm-tools (inside jco) exactly as wit-oracle does:
// several worlds -> the first, no world -> checked as a dependency of an empty world. jco is loaded once, from
// wit-oracle's cache ($WIT_ORACLE_HOME, default ~/.cache/wit-oracle; run wit-oracle once to fill it).
import { cpSync, existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import readline from 'node:readline';

const cache = process.env.WIT_ORACLE_HOME ?? join(homedir(), '.cache', 'wit-oracle');
const modules = join(cache, 'node_modules', '@bytecodealliance');
const shimFile = 'preview2-shim/dist/nodejs/filesystem.js';
const shim = [join(modules, 'jco-transpile/node_modules/@bytecodealliance', shimFile), join(modules, shimFile)].find(existsSync);
if (!shim) {
  console.error(`jco not found under ${cache}: run ../shared/tools/wit-oracle/wit-oracle once first`);
  process.exit(2);
}
const { _setPreopens } = await import(pathToFileURL(shim).href);
const { componentEmbed, componentNew, componentWit } =
  await import(pathToFileURL(join(modules, 'jco-transpile', 'dist', 'wasm-tools.js')).href);
_setPreopens({ '/': '/' });

async function embed(witPath, worldName) {
  try {
    return await componentEmbed({ dummy: true, witPath, world: worldName });
  } catch (e) {
    const text = String(e?.message ?? e);
    const several = text.match(/There are multiple worlds[^\n]*\n\s*(\S+)/);
    if (!worldName && several) return embed(witPath, several[1]);
    if (!worldName && /contains no worlds/.test(text)) {
      const root = mkdtempSync(join(tmpdir(), 'wit-oracle-'));
      mkdirSync(join(root, 'deps'));
      cpSync(witPath, join(root, 'deps', basename(witPath)), { recursive: true, filter: (src) => src !== join(witPath, 'deps') });
      if (existsSync(join(witPath, 'deps'))) cpSync(join(witPath, 'deps'), join(root, 'deps'), { recursive: true });
      writeFileSync(join(root, 'check.wit'), 'package wit-oracle:check;\nworld check {}\n');
      return componentEmbed({ dummy: true, witPath: root, world: 'check' });
    }
    throw e;
  }
}

for await (const line of readline.createInterface({ input: process.stdin })) {
  const path = line.trim();
  if (!path) continue;
  try {
    await componentWit(await componentNew(await embed(resolve(path))));
    process.stdout.write(JSON.stringify({ ok: true }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ ok: false, error: String(e?.message ?? e) }) + '\n');
  }
}
