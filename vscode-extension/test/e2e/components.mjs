// The component scenarios of the e2e test (issues 18 and 19), in a workspace of their own:
//   debug:  the `wit` debugger with the adapter bundled in the .vsix (the NativeAOT executable, checked on the running
//           process): a C program made a command component stops at a source line (the line highlighted, a struct in
//           Locals, the Component Instances view filled), then at the WIT function
//           `[method]output-stream.blocking-write-and-flush` (a `[wit] ...` frame with its lifted WIT arguments), then
//           runs to its end (its stdout in the Debug Console);
//   wasm:   opening .wasm files by quick open, as a user does: a component (the C# host sample's notes.wasm) shows its
//           WIT in the .wasm's editor group and its instance tree beside it; a WIT package encoded as a component
//           (records.wasm, made from ../shared/corpus/wit-print/records.wat by jco's text parser) its WIT, read-only,
//           with a hover on a record; a core module (module.wasm) its imports and exports in the .wasm editor, and
//           "WIT: Show WIT of WebAssembly File" on it its facts as the instance document; a malformed file
//           (broken.wasm) the server's error.
// Each check reads the DOM (what is on the screen), so the run fails when VS Code does not show it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { collapseView, editorGroupTabs, editorText, expandView, goTo, hoverAtCursor, problemRows, problemsOf, quickOpen, runCommand, viewHeader, viewRows, waitFor, webviewTexts, widenSideBar } from './workbench.mjs';

const breakpointLine = 18; // `int a = square(p.x);` in sum_squares(struct point p)
const witFunction = '[method]output-stream.blocking-write-and-flush';

// Where ../shared/tools/wit-oracle/wit-oracle installs jco (the repository's tests look there too).
const oracle = process.env.WIT_ORACLE_HOME ?? join(homedir(), '.cache', 'wit-oracle');

// (module (import "env" "log" (func (param i32))) (memory 1) (func $f) (export "run" (func $f)) (export "mem" (memory 0)))
const coreModule = Buffer.from([
  0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  1, 8, 2, 0x60, 1, 0x7f, 0, 0x60, 0, 0,
  2, 11, 1, 3, ...Buffer.from('env'), 3, ...Buffer.from('log'), 0, 0,
  3, 2, 1, 1,
  5, 3, 1, 0, 1,
  7, 13, 2, 3, ...Buffer.from('run'), 0, 1, 3, ...Buffer.from('mem'), 2, 0,
  10, 4, 1, 2, 0, 0x0b,
]);
// A component header, then a section whose length runs past the end.
const brokenComponent = Buffer.from([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0, 0x07, 0x10]);

/**
 * Fills `workspace` with the debuggee (debuggee.c and debuggee-component.wasm, rebuilt from the C source by the
 * fixture's build.sh when clang-14, wasi-libc and jco are installed, else the committed build), the sample component
 * notes.wasm, the encoded package records.wasm (when jco is installed), a core module module.wasm, a malformed
 * broken.wasm and a launch.json. Answers how each was made.
 */
export async function prepareComponentWorkspace(repo, workspace) {
  const programs = join(repo, 'tests', 'Wit.DebugAdapter.Tests', 'Programs');
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  copyFileSync(join(programs, 'debuggee.c'), join(workspace, 'debuggee.c'));
  copyFileSync(join(repo, 'samples', 'csharp-host', 'component', 'notes.wasm'), join(workspace, 'notes.wasm'));
  writeFileSync(join(workspace, 'module.wasm'), coreModule);
  writeFileSync(join(workspace, 'broken.wasm'), brokenComponent);
  writeFileSync(join(workspace, '.vscode', 'launch.json'), JSON.stringify({
    version: '0.2.0',
    configurations: [{ type: 'wit', request: 'launch', name: 'Debug the component', program: '${workspaceFolder}/debuggee-component.wasm', args: [] }],
  }, null, 2));

  const jco = join(oracle, 'node_modules', '.bin', 'jco');
  const tools = ['/usr/bin/clang-14', '/usr/bin/wasm-ld-14', '/usr/include/wasm32-wasi', jco];
  const missing = tools.filter((tool) => !existsSync(tool));
  let debuggee = { source: 'committed', file: join(programs, 'debuggee-component.wasm'), reason: missing.length ? `missing ${missing.join(', ')}` : undefined };
  if (missing.length === 0) {
    const build = mkdtempSync(join(tmpdir(), 'wit-e2e-debuggee-'));
    for (const file of ['build.sh', 'debuggee.c', 'types.c']) copyFileSync(join(programs, file), join(build, file));
    try {
      execFileSync('bash', [join(build, 'build.sh')], { env: { ...process.env, JCO: jco }, stdio: ['ignore', 'ignore', 'pipe'] });
      debuggee = { source: 'built with clang-14 -g and jco new --wasi-command', file: join(build, 'debuggee-component.wasm') };
    } catch (error) {
      debuggee.reason = `the build failed: ${String(error.stderr ?? error.message).trim().split('\n').slice(-3).join(' ')}`;
    }
  }
  copyFileSync(debuggee.file, join(workspace, 'debuggee-component.wasm'));
  const bytes = readFileSync(join(workspace, 'debuggee-component.wasm'));
  debuggee.sameAsCommitted = bytes.equals(readFileSync(join(programs, 'debuggee-component.wasm')));
  debuggee.component = bytes.length > 8 && bytes[4] === 0x0d && bytes[6] === 0x01; // version 0x0d, layer 1: a component
  debuggee.dwarf = bytes.includes(Buffer.from('.debug_line')) && bytes.includes(Buffer.from('.debug_info'));

  const wat = join(repo, '..', 'shared', 'corpus', 'wit-print', 'records.wat');
  const parser = join(oracle, 'node_modules', '@bytecodealliance', 'jco-transpile', 'dist', 'wasm-tools.js');
  let records = { source: wat };
  if (existsSync(parser) && existsSync(wat)) {
    const { parse } = await import(pathToFileURL(parser).href);
    writeFileSync(join(workspace, 'records.wasm'), await parse(readFileSync(wat, 'utf8')));
  } else {
    records.missing = `${parser} or ${wat} (run ../shared/tools/wit-oracle/wit-oracle once to install jco)`;
  }
  return { debuggee, records };
}

/**
 * The running debug adapters started from `extensionsDir`: each process's executable (/proc/PID/exe) and command line.
 * A native adapter runs as `.../debug-adapter/linux-x64/wit-debug-adapter`; the portable one as `dotnet ...dll`.
 */
function runningAdapters(extensionsDir) {
  const found = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (!cmdline.some((part) => part.startsWith(extensionsDir) && part.includes('wit-debug-adapter'))) continue;
      found.push({ pid: Number(pid), exe: readlinkSync(`/proc/${pid}/exe`), cmdline });
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

/** Whether a file is an ELF executable (not a script or a wrapper). */
function isElf(file) {
  const head = readFileSync(file).subarray(0, 4);
  return head.length === 4 && head[0] === 0x7f && head.toString('latin1', 1) === 'ELF';
}

/** The debug scenario; `page` shows the component workspace, the adapter under test is the .vsix's. */
export async function debugScenario({ page, out, check, report, extensionsDir }) {
  const r = (report.debug = {});
  await quickOpen(page, 'debuggee.c');
  await page.waitForSelector('.editor-group-container .monaco-editor .view-lines', { timeout: 30000 });
  await page.waitForTimeout(1500);
  await page.click('.editor-group-container .monaco-editor .view-lines');
  await goTo(page, breakpointLine);
  await page.keyboard.press('F9');
  await page.waitForTimeout(500);
  await page.keyboard.press('Control+Shift+D');
  await page.waitForTimeout(1500);
  await widenSideBar(page, 620);
  await collapseView(page, 'Watch');
  const startedAt = Date.now();
  await page.keyboard.press('F5');

  // 1. The stop at the line: the Call Stack says why, the top frame is sum_squares at line 18, Locals show the struct.
  r.lineStop = await waitFor(page, () => viewHeader(page, 'Call Stack'), (h) => /Paused on breakpoint/.test(h ?? ''), 90000);
  r.launchToStopMs = Date.now() - startedAt;
  check('F5 starts the component and stops at the line breakpoint', /Paused on breakpoint/.test(r.lineStop ?? ''), r.lineStop);
  await expandView(page, 'Component Instances');
  r.callStack = await viewRows(page, 'Call Stack');
  check(`the top frame is sum_squares at debuggee.c:${breakpointLine}`, r.callStack?.[0] && /sum_squares/.test(r.callStack[0]) && r.callStack[0].includes(`${breakpointLine}:`), r.callStack);
  // Monaco marks the stopped line (yellow) with this decoration, and puts the cursor on it.
  r.highlightedLines = await page.$$eval('.editor-group-container .view-overlays .debug-top-stack-frame-line', (lines) => lines.length);
  r.cursor = await page.$eval('[id="status.editor.selection"]', (e) => e.textContent.trim()).catch(() => null);
  check(`the editor highlights the stopped line ${breakpointLine}`, r.highlightedLines > 0 && new RegExp(`^Ln ${breakpointLine},`).test(r.cursor ?? ''), { lines: r.highlightedLines, cursor: r.cursor });
  r.variables = await waitFor(page, () => viewRows(page, 'Variables'), (rows) => (rows ?? []).some((row) => row.startsWith('p =')), 15000);
  check('Locals show the struct p = {x=3, y=4} with the ints a and b', r.variables?.includes('p = {x=3, y=4}') && r.variables.some((row) => /^a = -?\d+$/.test(row)), r.variables);
  // A click expands the struct into its fields.
  await page.locator('.pane', { has: page.locator('h3.title', { hasText: 'Variables' }) }).locator('.monaco-list-row', { hasText: '{x=3, y=4}' }).first().click();
  r.structFields = await waitFor(page, () => viewRows(page, 'Variables'), (rows) => (rows ?? []).includes('y = 4'), 10000);
  check('expanding p shows its fields x = 3 and y = 4', r.structFields?.includes('x = 3') && r.structFields.includes('y = 4'), r.structFields);
  r.instances = await waitFor(page, () => viewRows(page, 'Component Instances'), (rows) => (rows ?? []).some((row) => row.startsWith('memory 0')), 15000);
  check('the Component Instances view shows the root, its core instances and a memory with its size',
    r.instances?.some((row) => row.startsWith('component instance root')) && r.instances.some((row) => /^core instance \d+ \(debugged code\)/.test(row))
      && r.instances.some((row) => /^memory 0 \d+ pages \(\d+ KiB\)/.test(row)), r.instances);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(out, '9-debug-line.png') });

  // The adapter VS Code started is the NativeAOT executable inside the .vsix, not `dotnet` running the .dll.
  r.adapters = runningAdapters(extensionsDir);
  const bundled = r.adapters.find((a) => a.exe.endsWith('/debug-adapter/linux-x64/wit-debug-adapter') && a.exe.startsWith(extensionsDir));
  check('the debug adapter running is the native wit-debug-adapter bundled in the .vsix (an ELF executable, no dotnet)',
    r.adapters.length === 1 && bundled && isElf(bundled.exe) && !r.adapters.some((a) => a.cmdline.some((part) => part.endsWith('.dll'))), r.adapters);

  // 2. A WIT function breakpoint, the line breakpoint removed: the next stop is the boundary where main's printf
  // writes to stdout through the lowered WASI import.
  await runCommand(page, 'Debug: Add Function Breakpoint');
  await page.waitForTimeout(700);
  await page.keyboard.type(witFunction);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1000);
  await page.keyboard.press('Control+1');
  await page.waitForTimeout(300);
  await goTo(page, breakpointLine);
  await page.keyboard.press('F9');
  await page.waitForTimeout(500);
  r.breakpoints = await viewRows(page, 'Breakpoints');
  await page.keyboard.press('F5');
  r.witStop = await waitFor(page, () => viewHeader(page, 'Call Stack'), (h) => /Paused on function breakpoint/.test(h ?? ''), 30000);
  check('continue stops at the WIT function breakpoint', /Paused on function breakpoint/.test(r.witStop ?? ''), { header: r.witStop, breakpoints: r.breakpoints });
  // VS Code focuses the first frame with a source; select the boundary frame as a user would.
  await page.locator('.debug-call-stack .monaco-list-row', { hasText: '[wit]' }).first().click({ timeout: 10000 }).catch(() => undefined);
  r.witCallStack = await viewRows(page, 'Call Stack');
  check('the call stack has the [wit] boundary frame of the WASI import', r.witCallStack?.some((row) => row.startsWith('[wit] wasi:io/streams@') && row.includes(witFunction)), r.witCallStack);
  r.witVariables = await waitFor(page, () => viewRows(page, 'Variables'), (rows) => (rows ?? []).some((row) => row.startsWith('contents =')), 15000);
  check('the WIT Arguments show the lifted self handle and the bytes written ("total=98")',
    r.witVariables?.includes('WIT Arguments') && r.witVariables.some((row) => /^self = borrow<output-stream>/.test(row))
      && r.witVariables.some((row) => row.startsWith('contents = ') && row.includes('"total=98')), r.witVariables);
  r.witInstances = await viewRows(page, 'Component Instances');
  check('the Component Instances view is still filled at the boundary stop', r.witInstances?.some((row) => row.startsWith('component instance root')), r.witInstances);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(out, '10-debug-wit.png') });

  // 3. Without the breakpoint (its Remove button in the Breakpoints view) the program runs to its end; its stdout and
  // stderr show in the Debug Console.
  const row = page.locator('.pane', { has: page.locator('h3.title', { hasText: 'Breakpoints' }) }).locator('.monaco-list-row', { hasText: '[method]' }).first();
  await row.hover();
  await row.getByRole('button', { name: /^Remove/ }).first().click({ timeout: 5000 });
  r.breakpointsAtEnd = await waitFor(page, () => viewRows(page, 'Breakpoints'), (rows) => !(rows ?? []).some((row) => row.includes('[method]')), 5000);
  await page.keyboard.press('F5');
  const console = () => page.$eval('.repl', (e) => e.innerText).catch(() => '');
  r.debugConsole = await waitFor(page, console, (text) => text.includes('total=98') && text.includes('done'), 20000);
  r.callStackAtEnd = await waitFor(page, () => viewRows(page, 'Call Stack'), (rows) => (rows ?? []).length === 0, 15000);
  check('without breakpoints the program runs to its end: its stdout and stderr in the Debug Console, the session over',
    r.debugConsole.includes('total=98') && r.debugConsole.includes('done') && r.callStackAtEnd?.length === 0, { console: r.debugConsole, callStack: r.callStackAtEnd, breakpoints: r.breakpointsAtEnd });
  await page.screenshot({ path: join(out, '11-debug-end.png') });
}

/** Opens a .wasm file of the workspace by quick open, as a user would (VS Code opens it in the .wasm editor). */
async function openWasm(page, file) {
  await runCommand(page, 'View: Close All Editors');
  await page.waitForTimeout(800);
  await quickOpen(page, file);
}

/** The text of the .wasm editor's page for `file` (its heading names the file). */
function wasmPage(page, file) {
  return webviewTexts(page).then((texts) => texts.find((text) => text.includes(`${file}:`)) ?? null);
}

/** The .wasm view scenario, in the same workspace. */
export async function wasmViewScenario({ page, out, check, report }) {
  const r = (report.wasmView = {});
  // The side bar hidden (Ctrl+B): the WIT and the instance tree share the window.
  if (await page.locator('.part.sidebar').isVisible()) await page.keyboard.press('Control+B');

  // 1. A component: opening it shows its world, in the .wasm's group, and its instance tree beside it.
  await openWasm(page, 'notes.wasm');
  r.componentWit = await waitFor(page, () => editorText(page, 'notes.wasm.wit'), (text) => (text ?? '').includes('world root'), 30000);
  check('opening the component notes.wasm shows its WIT: its imports and exports', r.componentWit?.includes('import example:notes/store@0.1.0;')
    && /export urgent: func\(\) -> list</.test(r.componentWit), r.componentWit);
  r.componentInstances = await waitFor(page, () => editorText(page, 'notes.wasm.instances.txt'), (text) => (text ?? '').includes('linear memor'), 15000);
  check('its instance tree opens beside it: the core instances and the memory count',
    /: a component/.test(r.componentInstances ?? '') && /core instance \d+: module \d+ with \d+ instances/.test(r.componentInstances)
      && /\b1 linear memory when instantiated/.test(r.componentInstances), r.componentInstances);
  r.componentTabs = await editorGroupTabs(page);
  check('the WIT opens in the group of the .wasm editor, the instance tree in the next group',
    r.componentTabs.length === 2 && r.componentTabs[0].includes('notes.wasm') && r.componentTabs[0].includes('notes.wasm.wit')
      && r.componentTabs[1].includes('notes.wasm.instances.txt'), r.componentTabs);
  await page.screenshot({ path: join(out, '12-wasm-component.png') });
  // 2. A WIT package encoded as a component: its WIT, a hover on a record, read-only.
  if (report.components.records.missing) {
    check('records.wasm (an encoded WIT package) was made', false, report.components.records);
    return;
  }
  await openWasm(page, 'records.wasm');
  r.packageWit = await waitFor(page, () => editorText(page, 'records.wasm.wit'), (text) => (text ?? '').includes('record scalars'), 30000);
  check('the WIT of the encoded package records.wasm opens with its types', r.packageWit?.includes('package foo:records;') && r.packageWit.includes('record scalars'), r.packageWit);
  r.packageInstances = await waitFor(page, () => editorText(page, 'records.wasm.instances.txt'), (text) => (text ?? '').includes('encoded WIT package'), 15000);
  check('its instance tree says it is an encoded WIT package', /: an encoded WIT package/.test(r.packageInstances ?? ''), r.packageInstances);
  const lines = (r.packageWit ?? '').split('\n');
  const at = lines.findIndex((line) => /\brecord scalars\b/.test(line));
  await page.locator('.editor-group-container', { has: page.locator('.tab.active', { hasText: 'records.wasm.wit' }) }).locator('.view-lines').first().click();
  await goTo(page, `${at + 1}:${lines[at].indexOf('scalars') + 2}`);
  await page.waitForTimeout(500);
  r.hover = await waitFor(page, () => hoverAtCursor(page), (text) => (text ?? '').includes('record scalars'), 20000);
  check('hovering the record in the WIT of the .wasm shows it with its Canonical ABI size and alignment (8, 4)',
    r.hover?.includes('record scalars') && /memory\s+size\s+alignment\s+memory32\s+8\s+4\b/.test(r.hover), r.hover);
  await page.screenshot({ path: join(out, '13-wasm-package-hover.png') });
  await page.keyboard.press('Escape');
  r.packageProblems = problemsOf(await waitFor(page, () => problemRows(page), (rows) => rows.some((row) => row.startsWith('records.wasm.wit')), 5000), 'records.wasm.wit');
  // Each .wasm's WIT is a package of its own, not one package with the other WIT documents of its folder.
  check('the WIT of the package has no errors, and the hover names its package', !r.packageProblems.some((row) => /^(error|problem): /.test(row))
    && r.hover?.includes('in foo:records/records'), { problems: r.packageProblems, hover: r.hover });
  await page.locator('.editor-group-container', { has: page.locator('.tab.active', { hasText: 'records.wasm.wit' }) }).locator('.view-lines').first().click();

  // Typing into it changes nothing: VS Code says the editor is read-only.
  const before = await editorText(page, 'records.wasm.wit');
  await page.keyboard.type('x');
  r.readOnlyMessage = await waitFor(page, () => page.$eval('.monaco-editor-overlaymessage', (e) => e.innerText.trim()).catch(() => null), (text) => Boolean(text), 5000);
  r.witAfterTyping = await editorText(page, 'records.wasm.wit');
  check('the WIT document is read-only', /read-only/i.test(r.readOnlyMessage ?? '') && r.witAfterTyping === before, { message: r.readOnlyMessage, changed: r.witAfterTyping !== before });
  await page.keyboard.press('Escape');

  // 3. A core module: no WIT; the .wasm editor shows its imports and exports, and so does the command's document.
  await openWasm(page, 'module.wasm');
  r.modulePage = await waitFor(page, () => wasmPage(page, 'module.wasm'), (text) => (text ?? '').includes('export'), 30000);
  check('opening the core module module.wasm shows its imports and exports, and that it has no WIT',
    /module\.wasm: a core module \(no WIT\)/.test(r.modulePage ?? '') && r.modulePage.includes('import env.log (func)')
      && r.modulePage.includes('export run (func 1)') && r.modulePage.includes('2 functions (1 imported)'), r.modulePage);
  r.moduleTabs = await editorGroupTabs(page);
  check('no WIT document opens for it', !r.moduleTabs.flat().some((tab) => tab.includes('.wit')), r.moduleTabs);
  await page.screenshot({ path: join(out, '14-wasm-core-module.png') });
  await runCommand(page, 'WIT: Show WIT of WebAssembly File');
  r.moduleInstances = await waitFor(page, () => editorText(page, 'module.wasm.instances.txt'), (text) => (text ?? '').includes('export'), 15000);
  r.moduleTabsAfterCommand = await editorGroupTabs(page);
  check('"WIT: Show WIT of WebAssembly File" on it opens its facts, and no WIT document', /: a core module \(no WIT\)/.test(r.moduleInstances ?? '')
    && r.moduleInstances.includes('export mem (memory 0)') && !r.moduleTabsAfterCommand.flat().some((tab) => tab.endsWith('.wit')),
  { instances: r.moduleInstances, tabs: r.moduleTabsAfterCommand });

  // 4. A malformed file: the server's error, and VS Code keeps working.
  await openWasm(page, 'broken.wasm');
  r.brokenPage = await waitFor(page, () => wasmPage(page, 'broken.wasm'), (text) => (text ?? '').includes('offset'), 30000);
  check('opening the malformed broken.wasm shows the server\'s error', /broken\.wasm: not a WebAssembly component or module/.test(r.brokenPage ?? '')
    && r.brokenPage.includes('broken.wasm: length out of bounds (at offset 0x9)'), r.brokenPage);
  // No .wasm without WIT left a WIT document behind that the server would report (a WIT file without a package).
  r.problemsAfterModules = await problemRows(page);
  check('no problem is reported for module.wasm or broken.wasm', !r.problemsAfterModules.some((row) => /^(module|broken)\.wasm/.test(row)), r.problemsAfterModules);
  await page.screenshot({ path: join(out, '15-wasm-malformed.png') });
}
