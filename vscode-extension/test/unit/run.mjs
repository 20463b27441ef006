// Runs the unit tests (test/unit/*.test.ts): esbuild bundles each file into out/unit, node's test runner runs them,
// and the counts go to a TRX file for .ci/run (see ../trx.mjs). Exits non-zero when a test fails.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { writeTrx } from '../trx.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'out', 'unit');
rmSync(out, { recursive: true, force: true });
const sources = readdirSync(here).filter((f) => f.endsWith('.test.ts')).map((f) => join(here, f));
await build({ entryPoints: sources, outdir: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
const files = readdirSync(out).filter((f) => f.endsWith('.test.js')).map((f) => join(out, f));

let passed = 0;
let failed = 0;
const stream = run({ files, concurrency: true });
stream.on('test:pass', (event) => {
  if (event.details?.type !== 'suite') passed++;
});
stream.on('test:fail', (event) => {
  // A suite fails when a test in it fails (already counted) or when its own hooks or body throw (counted here).
  if (event.details?.type !== 'suite' || event.details?.error?.failureType !== 'subtestsFailed') failed++;
});
stream.compose(spec).pipe(process.stdout);
await new Promise((resolve) => stream.on('end', resolve));
console.log(`unit tests: ${passed} passed, ${failed} failed (${files.length} files)`);
writeTrx('vscode-unit', passed, failed);
if (failed > 0 || passed === 0) process.exitCode = 1;
