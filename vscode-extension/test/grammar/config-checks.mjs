// Checks of the grammars' structure, the language configurations and the snippets, run by run.mjs: includes resolve
// and scope names carry the language suffix; the configurations' regular expressions compile and do what they are
// for on typical lines and their comment markers are comments to the grammar; every snippet, expanded with its
// default text, is fully scoped by the grammar in the place it is meant for. Each check returns a list of problems
// (empty when it passes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionRoot, loadGrammars } from './textmate.mjs';

const readJson = (path) => JSON.parse(readFileSync(join(extensionRoot, path), 'utf8'));

let grammarsPromise;
const grammars = () => (grammarsPromise ??= loadGrammars());

/** The regular expressions of a language configuration, compiled as VS Code does (JavaScript, no flags). */
function compile(config, problems) {
  const sources = {
    wordPattern: config.wordPattern,
    increaseIndentPattern: config.indentationRules?.increaseIndentPattern,
    decreaseIndentPattern: config.indentationRules?.decreaseIndentPattern,
    foldingStart: config.folding?.markers?.start,
    foldingEnd: config.folding?.markers?.end,
  };
  (config.onEnterRules ?? []).forEach((rule, i) => {
    for (const key of ['beforeText', 'afterText', 'previousLineText']) if (rule[key]) sources[`onEnterRules[${i}].${key}`] = rule[key];
  });
  const compiled = {};
  for (const [name, source] of Object.entries(sources)) {
    if (typeof source !== 'string') {
      problems.push(`${name} is missing`);
      continue;
    }
    try {
      compiled[name] = new RegExp(source);
    } catch (error) {
      problems.push(`${name} does not compile: ${error.message}`);
    }
  }
  return compiled;
}

function expectWords(wordPattern, line, expected, problems) {
  const actual = [...line.matchAll(new RegExp(wordPattern.source, 'g'))].map((m) => m[0]);
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    problems.push(`wordPattern on ${JSON.stringify(line)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

function expectMatch(regex, name, line, shouldMatch, problems) {
  if (regex && regex.test(line) !== shouldMatch) problems.push(`${name} should ${shouldMatch ? '' : 'not '}match ${JSON.stringify(line)}`);
}

/** The onEnter rule VS Code would apply to a line (the first whose beforeText matches), or undefined. */
function onEnter(config, before, after = '') {
  return (config.onEnterRules ?? []).find(
    (rule) => new RegExp(rule.beforeText).test(before) && (!rule.afterText || new RegExp(rule.afterText).test(after)),
  );
}

/** Whether every non-blank token of the text has a scope beyond the root and meta.* scopes, and none is invalid. */
async function scopeProblems(scopeName, text, label) {
  const problems = [];
  const lines = (await grammars()).tokenize(scopeName, text);
  lines.forEach(({ line, tokens }, index) => {
    for (const token of tokens) {
      const piece = line.slice(token.startIndex, token.endIndex);
      if (piece.trim() === '') continue;
      const scopes = token.scopes.filter((s) => s !== scopeName && !s.startsWith('meta.'));
      if (scopes.length === 0) problems.push(`${label}: line ${index + 1}: ${JSON.stringify(piece)} has no scope`);
      if (scopes.some((s) => s.startsWith('invalid.'))) problems.push(`${label}: line ${index + 1}: ${JSON.stringify(piece)} is ${scopes.join(' ')}`);
    }
  });
  return problems;
}

async function firstScope(scopeName, text) {
  const [{ line, tokens }] = (await grammars()).tokenize(scopeName, text);
  const token = tokens.find((t) => line.slice(t.startIndex, t.endIndex).trim() !== '');
  return token?.scopes ?? [];
}

async function checkComments(config, scopeName, problems) {
  const line = config.comments?.lineComment;
  const [open, close] = config.comments?.blockComment ?? [];
  if (!(await firstScope(scopeName, `${line} text`)).some((s) => s.startsWith('comment.line.'))) problems.push(`lineComment ${line} is not a line comment to the grammar`);
  if (!(await firstScope(scopeName, `${open} text ${close}`)).some((s) => s.startsWith('comment.block'))) problems.push(`blockComment ${open} ${close} is not a block comment to the grammar`);
}

async function checkWitConfiguration() {
  const problems = [];
  const config = readJson('language-configuration/wit.json');
  const re = compile(config, problems);
  await checkComments(config, 'source.wit', problems);
  if (re.wordPattern) {
    expectWords(re.wordPattern, 'import my-func: func(%interface: u32) -> list<u8, 4>;', ['import', 'my-func', 'func', '%interface', 'u32', 'list', 'u8', '4'], problems);
    expectWords(re.wordPattern, 'use wasi:io/streams@0.2.0-rc.1.{x};', ['use', 'wasi', 'io', 'streams', '0.2.0-rc.1', 'x'], problems);
  }
  expectMatch(re.increaseIndentPattern, 'increaseIndentPattern', 'interface foo {', true, problems);
  expectMatch(re.increaseIndentPattern, 'increaseIndentPattern', '  long: func(', true, problems);
  expectMatch(re.increaseIndentPattern, 'increaseIndentPattern', '  use types.{', true, problems);
  expectMatch(re.increaseIndentPattern, 'increaseIndentPattern', '  record r { a: u32 }', false, problems);
  expectMatch(re.increaseIndentPattern, 'increaseIndentPattern', '  /// returns a {', false, problems);
  expectMatch(re.decreaseIndentPattern, 'decreaseIndentPattern', '  }', true, problems);
  expectMatch(re.decreaseIndentPattern, 'decreaseIndentPattern', '  ) -> u32;', true, problems);
  expectMatch(re.decreaseIndentPattern, 'decreaseIndentPattern', '  f: func();', false, problems);
  if (onEnter(config, '  /// Docs')?.action?.appendText !== '/// ') problems.push('Enter after a /// line should continue the doc comment');
  if (onEnter(config, '  //// plain')) problems.push('Enter after a //// line should not continue it');
  if (onEnter(config, '  // plain')) problems.push('Enter after a // line should not continue it');
  if (onEnter(config, '  /**', ' */')?.action?.indent !== 'indentOutdent') problems.push('Enter inside /** */ should open a doc block');
  const pairs = (config.autoClosingPairs ?? []).map((p) => p.open + p.close);
  for (const pair of ['{}', '()', '<>']) if (!pairs.includes(pair)) problems.push(`autoClosingPairs lacks ${pair}`);
  return problems;
}

async function checkWitxConfiguration() {
  const problems = [];
  const config = readJson('language-configuration/witx.json');
  const re = compile(config, problems);
  await checkComments(config, 'source.witx', problems);
  if (re.wordPattern) {
    expectWords(re.wordPattern, '(param $buf (@witx const_pointer u8)) ;; 0x1F', ['param', '$buf', '@witx', 'const_pointer', 'u8', '0x1F'], problems);
    expectWords(re.wordPattern, '(@interface func (export "fd_read"))', ['@interface', 'func', 'export', 'fd_read'], problems);
  }
  for (const line of ['(typename $errno', '  (enum (@witx tag u16)', '  (@interface func (export "fd_read")', '(module $m ;; comment']) {
    expectMatch(re.increaseIndentPattern, 'increaseIndentPattern', line, true, problems);
  }
  for (const line of ['(typename $size u32)', '    (field $buf (@witx const_pointer u8))', '    (result $error (expected $size (error $errno)))', ';; (']) {
    expectMatch(re.increaseIndentPattern, 'increaseIndentPattern', line, false, problems);
  }
  expectMatch(re.decreaseIndentPattern, 'decreaseIndentPattern', '  )', true, problems);
  expectMatch(re.decreaseIndentPattern, 'decreaseIndentPattern', '  (param $x u32)', false, problems);
  if (onEnter(config, '  ;;; Docs')?.action?.appendText !== ';;; ') problems.push('Enter after a ;;; line should continue the doc comment');
  if (onEnter(config, '  ;; plain')) problems.push('Enter after a ;; line should not continue it');
  return problems;
}

/** The snippet's text with every placeholder replaced by its default text, as accepting each tab stop gives. */
export function expandSnippet(body) {
  let text = body.join('\n');
  const placeholder = /\$\{(\d+):((?:\\.|[^\\}$])*)\}/;
  while (placeholder.test(text)) text = text.replace(placeholder, (_, _n, value) => value);
  return text.replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\(.)/g, '$1').replaceAll('\t', '  ');
}

/** Where each snippet belongs: top level, inside an interface, or inside a world. */
function placeSnippet(name, text) {
  if (/^(Package declaration|Nested package|Interface|World)$/.test(name)) return text;
  if (/gate$/.test(name)) return `${text}\ninterface gated {}`;
  if (/^(Import|Export|Include)/.test(name)) return `world w {\n${text}\n}`;
  return `interface i {\n${text}\n}`;
}

async function checkSnippets() {
  const problems = [];
  const snippets = readJson('snippets/wit.json');
  const prefixes = new Set();
  for (const [name, snippet] of Object.entries(snippets)) {
    if (typeof snippet.prefix !== 'string' || !Array.isArray(snippet.body) || typeof snippet.description !== 'string') {
      problems.push(`${name}: needs a prefix, a body array and a description`);
      continue;
    }
    if (prefixes.has(snippet.prefix)) problems.push(`${name}: prefix ${snippet.prefix} is used twice`);
    prefixes.add(snippet.prefix);
    const stops = [...new Set([...snippet.body.join('\n').matchAll(/\$\{?(\d+)/g)].map((m) => Number(m[1])).filter((n) => n > 0))].sort((a, b) => a - b);
    if (stops.some((n, i) => n !== i + 1)) problems.push(`${name}: tab stops ${stops.join(', ')} are not numbered 1..n`);
    const text = expandSnippet(snippet.body);
    if (/[$]/.test(text)) problems.push(`${name}: expansion keeps a '$': ${JSON.stringify(text)}`);
    problems.push(...(await scopeProblems('source.wit', placeSnippet(name, text), name)));
  }
  return problems;
}

/** Every include names a repository rule, every rule is used, and every scope name ends with the language's suffix. */
function checkGrammar(path, scopeName, suffix) {
  return async () => {
    const problems = [];
    const grammar = readJson(path);
    if (grammar.scopeName !== scopeName) problems.push(`scopeName is ${grammar.scopeName}, expected ${scopeName}`);
    const contributed = readJson('package.json').contributes?.grammars?.find((g) => g.scopeName === scopeName);
    if (contributed?.path?.replace(/^\.\//, '') !== path) problems.push(`package.json does not contribute ${path} as ${scopeName}`);
    const used = new Set();
    const visit = (node, where) => {
      if (Array.isArray(node)) return node.forEach((item) => visit(item, where));
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'include' && value.startsWith('#')) {
          used.add(value.slice(1));
          if (!grammar.repository?.[value.slice(1)]) problems.push(`${where}: include ${value} names no rule`);
        }
        if ((key === 'name' || key === 'contentName') && typeof value === 'string') {
          for (const scope of value.split(/\s+/)) if (!scope.endsWith(suffix)) problems.push(`${where}: scope ${scope} does not end with ${suffix}`);
        }
        visit(value, where);
      }
    };
    visit(grammar.patterns, 'patterns');
    for (const [name, rule] of Object.entries(grammar.repository ?? {})) visit(rule, name);
    for (const name of Object.keys(grammar.repository ?? {})) if (!used.has(name)) problems.push(`rule ${name} is never included`);
    return problems;
  };
}

export const configChecks = [
  { name: 'syntaxes/wit.tmLanguage.json', check: checkGrammar('syntaxes/wit.tmLanguage.json', 'source.wit', '.wit') },
  { name: 'syntaxes/witx.tmLanguage.json', check: checkGrammar('syntaxes/witx.tmLanguage.json', 'source.witx', '.witx') },
  { name: 'language-configuration/wit.json', check: checkWitConfiguration },
  { name: 'language-configuration/witx.json', check: checkWitxConfiguration },
  { name: 'snippets/wit.json', check: checkSnippets },
];
