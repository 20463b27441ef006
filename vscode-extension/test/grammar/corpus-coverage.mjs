// Tokenizes every .wit and .witx file of the shared corpus (../shared/corpus from the repository root, or the
// folder given as the first argument) and reports the tokens that get no scope beyond the file's root scope and
// meta.* scopes. Whitespace is ignored; everything else, punctuation included, is meant to be scoped, so every
// reported token is a gap in a grammar (or text a parser rejects anyway, such as a parse-fail test's bad input).
// For WIT it also counts keyword mix-ups: a keyword of the lexer scoped as a name, or a name scoped as a keyword.
//   node test/grammar/corpus-coverage.mjs [CORPUS] [--verbose] [--strict]
// Exits 0 when the corpus is absent (it is not part of the repository), so it never breaks a checkout without it;
// with --strict it exits 1 when a file outside parse-fail/ folders has a gap.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { extensionRoot, loadGrammars } from './textmate.mjs';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const strict = args.includes('--strict');
const corpus = resolve(args.find((a) => !a.startsWith('--')) ?? join(extensionRoot, '..', '..', 'shared', 'corpus'));

if (!existsSync(corpus)) {
  console.log(`corpus coverage: skipped, no corpus at ${corpus}`);
  process.exit(0);
}

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const languages = [
  { extension: '.wit', scope: 'source.wit' },
  { extension: '.witx', scope: 'source.witx' },
];
/** WIT's keywords, as the lexer's table (SyntaxFacts) lists them. */
const witKeywords = new Set(('as async bool borrow char constructor enum error-context export f32 f64 flags from func future import ' +
  'include interface list map option own package record resource result s16 s32 s64 s8 static stream string tuple type ' +
  'u16 u32 u64 u8 _ use variant with world').split(' '));
const keywordScope = /^(keyword|storage|support)\./;
const notAWord = /^(keyword\.operator|storage\.type\.annotation|punctuation)\./;

const grammars = await loadGrammars();
let failedStrict = false;

for (const { extension, scope } of languages) {
  const files = [...walk(corpus)].filter((f) => f.endsWith(extension));
  let lines = 0;
  let tokens = 0;
  let gaps = 0;
  let gapLines = 0;
  let filesWithGaps = 0;
  let mixUps = 0;
  const gapTexts = new Map();
  for (const file of files) {
    const rel = relative(corpus, file);
    let fileGaps = 0;
    grammars.tokenize(scope, readFileSync(file, 'utf8')).forEach(({ line, tokens: lineTokens }, index) => {
      lines++;
      let lineHasGap = false;
      for (const token of lineTokens) {
        const text = line.slice(token.startIndex, token.endIndex);
        if (text.trim() === '') continue;
        tokens++;
        const meaningful = token.scopes.filter((s) => s !== scope && !s.startsWith('meta.'));
        const leaf = meaningful.at(-1);
        if (scope === 'source.wit' && leaf && !/^(comment|string)\./.test(meaningful[0]) && !notAWord.test(leaf)) {
          if (witKeywords.has(text.trim()) !== keywordScope.test(leaf)) {
            mixUps++;
            console.log(`  ${rel}:${index + 1}:${token.startIndex + 1} keyword mix-up: ${JSON.stringify(text)} is ${leaf}`);
            if (!rel.split(/[\\/]/).includes('parse-fail')) failedStrict = true;
          }
        }
        if (meaningful.length > 0) continue;
        gaps++;
        fileGaps++;
        lineHasGap = true;
        gapTexts.set(text.trim(), (gapTexts.get(text.trim()) ?? 0) + 1);
        if (verbose) console.log(`  ${rel}:${index + 1}:${token.startIndex + 1} ${JSON.stringify(text)} [${token.scopes.join(' ')}]`);
      }
      if (lineHasGap) gapLines++;
    });
    if (fileGaps > 0) {
      filesWithGaps++;
      if (!verbose) console.log(`  ${rel}: ${fileGaps} unscoped token(s)`);
      if (!rel.split(/[\\/]/).includes('parse-fail')) failedStrict = true;
    }
  }
  const top = [...gapTexts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([t, n]) => `${JSON.stringify(t)}×${n}`);
  const mixUpText = scope === 'source.wit' ? `; ${mixUps} keyword mix-up(s)` : '';
  console.log(`${extension}: ${files.length} files, ${lines} lines, ${tokens} non-blank tokens; ${gaps} unscoped token(s) on ${gapLines} line(s) in ${filesWithGaps} file(s)${mixUpText}${top.length ? `; most frequent unscoped: ${top.join(', ')}` : ''}`);
}

process.exit(strict && failedStrict ? 1 : 0);
