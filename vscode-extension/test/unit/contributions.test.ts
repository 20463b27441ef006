// Checks that package.json's contributions agree with the code and the tools they describe: commands registered by
// the extension, lint rule ids of the Core linter, and the `$wit` problem matcher against `wit lint` output.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { taskArguments } from '../../src/taskDefinition';
import { defaultLaunchConfiguration, witDebugType } from '../../src/debugConfiguration';

const root = join(__dirname, '..', '..');
const repo = join(root, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

interface MatcherPattern { regexp: string; severity?: number; code?: number; message?: number; file?: number; line?: number; column?: number }

/** Applies the two-line `$wit` matcher the way VS Code does: header line, then location line. */
function matchProblems(output: string) {
  const [header, location] = (manifest.contributes.problemMatchers[0].pattern as MatcherPattern[]).map((p) => ({ ...p, re: new RegExp(p.regexp) }));
  const lines = output.split(/\r?\n/);
  const problems: Array<{ severity: string; code: string; message: string; file: string; line: number; column: number }> = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const h = header.re.exec(lines[i]);
    if (!h) continue;
    const l = location.re.exec(lines[i + 1]);
    if (!l) continue;
    problems.push({ severity: h[header.severity!], code: h[header.code!], message: h[header.message!], file: l[location.file!], line: Number(l[location.line!]), column: Number(l[location.column!]) });
  }
  return problems;
}

describe('package.json', () => {
  it('declares exactly the commands the extension registers', () => {
    const source = readdirSync(join(root, 'src')).map((f) => readFileSync(join(root, 'src', f), 'utf8')).join('\n');
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    const declared = (manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command).sort();
    assert.deepEqual(declared, registered);
    assert.ok(registered.includes('wit.showWitxPreview') && registered.includes('wit.showAbiLayout') && registered.includes('wit.restartServer'));
  });

  it('opens every .wasm file in the .wasm editor by default, and activates for it', () => {
    const editors = manifest.contributes.customEditors as Array<{ viewType: string; selector: Array<{ filenamePattern: string }>; priority: string }>;
    const source = readFileSync(join(root, 'src', 'wasmWit.ts'), 'utf8');
    const viewType = /wasmEditorViewType = '([^']+)'/.exec(source)?.[1];
    assert.deepEqual(editors.map((e) => [e.viewType, e.selector, e.priority]), [[viewType, [{ filenamePattern: '*.wasm' }], 'default']]);
    assert.ok(manifest.activationEvents.includes(`onCustomEditor:${viewType}`));
  });

  it('contributes the wit debugger with exactly the launch arguments the adapter reads', () => {
    const debuggers = manifest.contributes.debuggers as Array<{ type: string; configurationAttributes: { launch: { properties: Record<string, unknown>; required: string[] } }; initialConfigurations: unknown[] }>;
    assert.equal(debuggers.length, 1);
    const debuggerContribution = debuggers[0];
    assert.equal(debuggerContribution.type, witDebugType);
    const launch = readFileSync(join(repo, 'server', 'Wit.DebugAdapter', 'Session', 'DebugSession.Launch.cs'), 'utf8');
    const body = launch.slice(launch.indexOf('private JsonNode? Launch('), launch.indexOf('private JsonNode? SetExceptionBreakpoints'));
    const read = [...body.matchAll(/Args\.\w+\(args, "(\w+)"\)|args\?\["(\w+)"\]/g)].map((m) => m[1] ?? m[2]).sort();
    assert.deepEqual([...new Set(read)], Object.keys(debuggerContribution.configurationAttributes.launch.properties).sort());
    assert.deepEqual(debuggerContribution.configurationAttributes.launch.required, ['program']);
    assert.deepEqual(debuggerContribution.initialConfigurations[0], defaultLaunchConfiguration('${workspaceFolder}/program.wasm'));
    assert.ok(manifest.activationEvents.includes(`onDebugResolve:${witDebugType}`));
  });

  it('lists every lint rule of the Core linter, and no other, in wit.lint.rules', () => {
    const lint = readFileSync(join(repo, 'server', 'Wit.Core', 'Lint', 'LintDiagnostics.cs'), 'utf8');
    const codes = [...lint.matchAll(/new\("(WIT2\d{3})"/g)].map((m) => m[1]).sort();
    assert.ok(codes.length >= 10, `found ${codes.length} lint codes`);
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties['wit.lint.rules'].properties).sort(), codes);
  });

  it('turns word-based suggestions off for WIT and WITX, whose completions come from the server', () => {
    const defaults = manifest.contributes.configurationDefaults ?? {};
    for (const language of ['wit', 'witx']) {
      assert.equal(defaults[`[${language}]`]?.['editor.wordBasedSuggestions'], 'off', `[${language}] editor.wordBasedSuggestions`);
      assert.ok(manifest.contributes.languages.some((l: { id: string }) => l.id === language), `${language} is a contributed language`);
    }
  });

  it('shows each type\'s size and alignment once by default: code lenses on, the inlay hints that repeat them off', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.equal(properties['wit.codeLens.enabled'].default, true);
    assert.equal(properties['wit.inlayHints.enabled'].default, false);
  });

  it('points the languages, grammars and snippets at files that exist', () => {
    const c = manifest.contributes;
    const files = [...c.languages.map((l: { configuration: string }) => l.configuration), ...c.grammars.map((g: { path: string }) => g.path), ...c.snippets.map((s: { path: string }) => s.path)];
    for (const file of files) assert.ok(existsSync(join(root, file)), `${file} exists`);
    assert.deepEqual(c.grammars.map((g: { scopeName: string }) => g.scopeName), ['source.wit', 'source.witx']);
  });
});

describe('$wit problem matcher', () => {
  it('reads errors, warnings, infos and hints in the format wit lint and wit check print', () => {
    const output = [
      "error[WIT1001]: type 'strin' does not exist",
      '     --> wit/types.wit:12:21',
      '      |',
      '   12 |   f: func(a: strin);',
      '      |              ^----',
      '',
      "hint[WIT2006]: parameter 'value' of 'bucket.set' is a list<u8>",
      '     --> /abs/path with spaces/kv.wit:30:5',
    ].join('\n');
    assert.deepEqual(matchProblems(output), [
      { severity: 'error', code: 'WIT1001', message: "type 'strin' does not exist", file: 'wit/types.wit', line: 12, column: 21 },
      { severity: 'hint', code: 'WIT2006', message: "parameter 'value' of 'bucket.set' is a list<u8>", file: '/abs/path with spaces/kv.wit', line: 30, column: 5 },
    ]);
  });

  // The real tool, when the solution has been built (npm test builds it before these tests run).
  const cli = join(repo, 'server', 'Wit.Cli', 'bin', 'Release', 'net10.0', 'wit.dll');
  it('reads every finding of the real `wit lint` over the samples', { skip: existsSync(cli) ? false : 'the CLI is not built (npm run build)' }, () => {
    let output: string;
    try {
      output = execFileSync('dotnet', [cli, 'lint', 'samples/wit'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      // Findings make the exit code non-zero; the report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const headers = output.split('\n').filter((l) => /^(error|warning|info|hint)\[/.test(l));
    const problems = matchProblems(output);
    assert.ok(headers.length > 0, 'the samples have lint findings');
    assert.equal(problems.length, headers.length);
    for (const p of problems) {
      assert.ok(existsSync(join(repo, p.file)), `${p.file} exists`);
      assert.ok(p.line >= 1 && p.column >= 1);
    }
  });
});

describe('wit tasks', () => {
  it('builds the command line from the task definition', () => {
    assert.deepEqual(taskArguments({ type: 'wit', command: 'lint' }), ['lint', '.']);
    assert.deepEqual(taskArguments({ type: 'wit', command: 'check', path: ' wit ' }), ['check', 'wit']);
    assert.deepEqual(taskArguments({ type: 'wit', command: 'lint', path: 'wit', args: ['--format', 'github'] }), ['lint', '--format', 'github', 'wit']);
  });

  it('checks formatting rather than rewriting files unless told otherwise', () => {
    assert.deepEqual(taskArguments({ type: 'wit', command: 'fmt' }), ['fmt', '--check', '.']);
    assert.deepEqual(taskArguments({ type: 'wit', command: 'fmt', args: ['--diff'] }), ['fmt', '--diff', '.']);
  });
});
