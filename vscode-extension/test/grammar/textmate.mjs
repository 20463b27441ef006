// Loads the extension's grammars into vscode-textmate (the engine VS Code uses) for scripts that tokenize text
// directly: the corpus coverage check and ad-hoc dumps. The assertion and snapshot tests go through the
// vscode-tmgrammar-test CLIs instead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// vscode-textmate and vscode-oniguruma are dependencies of vscode-tmgrammar-test: resolve them from there, so the
// versions are the ones the test CLIs use and a nested (not hoisted) install works too.
const require = createRequire(createRequire(import.meta.url).resolve('vscode-tmgrammar-test/package.json'));
export const extensionRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Grammar files by scope name, read from the extension's package.json so the test sees what VS Code sees. */
function grammarPaths() {
  const manifest = JSON.parse(readFileSync(join(extensionRoot, 'package.json'), 'utf8'));
  const paths = {};
  for (const grammar of manifest.contributes?.grammars ?? []) paths[grammar.scopeName] = join(extensionRoot, grammar.path);
  return paths;
}

/** @returns {Promise<{ tokenize(scopeName: string, text: string): { line: string, tokens: { startIndex: number, endIndex: number, scopes: string[] }[] }[] }>} */
export async function loadGrammars() {
  const textmate = require('vscode-textmate');
  const oniguruma = require('vscode-oniguruma');
  const wasm = readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const paths = grammarPaths();
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const path = paths[scopeName];
      return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
  });
  const grammars = {};
  for (const scopeName of Object.keys(paths)) grammars[scopeName] = await registry.loadGrammar(scopeName);
  return {
    tokenize(scopeName, text) {
      const grammar = grammars[scopeName];
      if (!grammar) throw new Error(`no grammar for ${scopeName}`);
      let stack = textmate.INITIAL;
      return text.split(/\r\n|\r|\n/).map((line) => {
        const result = grammar.tokenizeLine(line, stack);
        stack = result.ruleStack;
        return { line, tokens: result.tokens };
      });
    },
  };
}
