// The grammar test suite: `npm run test:grammar -w vscode-extension` from the repository root.
//
// - Assertion tests: every unit/*.test.wit and unit/*.test.witx file, run with vscode-tmgrammar-test's unit CLI.
//   Each file is one test.
// - Snapshot tests: every file in snapshots/ and the repository samples listed below, run with the
//   vscode-tmgrammar-snap CLI against the .snap baselines kept in snapshots/. Each file is one test. `--update`
//   rewrites the baselines (review the diff like code); a missing baseline fails without --update.
// - Configuration tests: the grammars' structure, the language configurations and the snippets, checked by
//   config-checks.mjs. Each checked file is one test.
//
// The CLIs are the scripts the packages' `bin` entries name (what node_modules/.bin links to), resolved with
// node's module resolution, so they are found wherever npm put them (workspaces hoist them to the root
// node_modules). Every file runs in its own process (a few at a time), so a failure is counted against its file.
// Writes vscode-grammar.trx into $WIT_TEST_RESULTS when set and exits 1 when any test fails.
//
// The corpus check (corpus-coverage.mjs) is not part of this suite: it needs ../shared/corpus, which is not in
// the repository.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTrx } from '../trx.mjs';
import { configChecks } from './config-checks.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const extensionRoot = resolve(here, '..', '..');
const repositoryRoot = resolve(extensionRoot, '..');
const manifest = join(extensionRoot, 'package.json');
const update = process.argv.includes('--update');

/** Repository samples, snapshotted where they are (paths from the repository root); baselines: snapshots/samples/. */
const samples = [
  'samples/wit/key-value.wit',
  'samples/wit/http-proxy/types.wit',
  'samples/wit/http-proxy/handler.wit',
  'samples/wit/http-proxy/proxy.wit',
  'samples/wit/http-proxy/deps/clocks/clocks.wit',
  'samples/witx/typenames.witx',
  'samples/witx/example_kv.witx',
];

function cli(name) {
  const packageJson = require.resolve('vscode-tmgrammar-test/package.json');
  const bin = JSON.parse(readFileSync(packageJson, 'utf8')).bin[name];
  if (!bin) throw new Error(`vscode-tmgrammar-test has no '${name}' command`);
  return join(dirname(packageJson), bin);
}

function run(script, args) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: extensionRoot, env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolvePromise({ code, output }));
  });
}

/** Runs the tasks, a few at a time, and returns their results in the tasks' order. */
async function inParallel(tasks) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, Math.max(2, availableParallelism())) }, worker));
  return results;
}

const results = [];
function record(kind, name, { ok, detail = '', output = '' }) {
  results.push({ kind, name, ok });
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${kind} ${name}${detail ? ` ${detail}` : ''}`);
  if (!ok && output.trim()) console.log(output.trimEnd().split('\n').map((line) => `        ${line}`).join('\n'));
}

// ---- Assertion tests -------------------------------------------------------------------------------------------

const { parseGrammarTestCase } = require('vscode-tmgrammar-test/dist/unit/index.js');
const unitDirectory = join(here, 'unit');
const unitFiles = readdirSync(unitDirectory).filter((f) => /\.test\.witx?$/.test(f)).sort();
const unitCli = cli('vscode-tmgrammar-test');
let assertionCount = 0;
const unitTasks = unitFiles.map((file) => async () => {
  const path = join(unitDirectory, file);
  const testCase = parseGrammarTestCase(readFileSync(path, 'utf8'));
  const assertions = testCase.assertions.reduce((n, line) => n + line.scopeAssertions.length, 0);
  assertionCount += assertions;
  if (assertions === 0) return { ok: false, detail: '(no assertions: a test that cannot fail)' };
  const { code, output } = await run(unitCli, ['--config', manifest, relative(extensionRoot, path)]);
  return { ok: code === 0, detail: `(${assertions} assertions)`, output };
});
for (const [i, result] of (await inParallel(unitTasks)).entries()) record('assert', unitFiles[i], result);

// ---- Snapshot tests --------------------------------------------------------------------------------------------

const snapshotDirectory = join(here, 'snapshots');
const snapshotCases = [
  ...readdirSync(snapshotDirectory)
    .filter((f) => /\.witx?$/.test(f))
    .sort()
    .map((f) => ({ name: f, source: join(snapshotDirectory, f), baseline: join(snapshotDirectory, `${f}.snap`) })),
  ...samples.map((s) => ({ name: s, source: join(repositoryRoot, s), baseline: join(snapshotDirectory, `${s}.snap`) })),
];
const snapCli = cli('vscode-tmgrammar-snap');
const snapshotTasks = snapshotCases.map(({ name, source, baseline }) => async () => {
  if (!existsSync(source)) return { ok: false, detail: '(source file missing)' };
  if (!existsSync(baseline) && !update) {
    return { ok: false, detail: `(no baseline ${relative(extensionRoot, baseline)}; run with --update and review it)` };
  }
  // The CLI keeps a baseline next to its source; run it on a copy so that samples/ stays untouched.
  const scratch = mkdtempSync(join(tmpdir(), 'wit-grammar-snap-'));
  try {
    const copy = join(scratch, basename(source));
    copyFileSync(source, copy);
    if (existsSync(baseline)) copyFileSync(baseline, `${copy}.snap`);
    const { code, output } = await run(snapCli, ['--config', manifest, '--expandDiff', ...(update ? ['--updateSnapshot'] : []), copy]);
    if (code === 0 && update) {
      mkdirSync(dirname(baseline), { recursive: true });
      copyFileSync(`${copy}.snap`, baseline);
    }
    return { ok: code === 0, detail: update ? '(baseline written)' : '', output: output.replaceAll(copy, name) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
for (const [i, result] of (await inParallel(snapshotTasks)).entries()) record('snap  ', snapshotCases[i].name, result);

// ---- Configuration tests ---------------------------------------------------------------------------------------

for (const { name, check } of configChecks) {
  const problems = await check();
  record('config', name, { ok: problems.length === 0, output: problems.join('\n') });
}

// ---- Summary ---------------------------------------------------------------------------------------------------

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
const count = (kind) => results.filter((r) => r.kind.trim() === kind).length;
console.log(
  `\ngrammar tests: ${passed} passed, ${failed} failed ` +
    `(${count('assert')} assertion files with ${assertionCount} assertions, ${count('snap')} snapshot files, ${count('config')} configuration and structure files)`,
);
if (results.some((r) => !r.ok && r.kind.trim() === 'snap')) {
  console.log('if the new scopes are right, accept them with: npm run test:grammar -w vscode-extension -- --update');
}
writeTrx('vscode-grammar', passed, failed);
process.exit(failed === 0 ? 0 : 1);
