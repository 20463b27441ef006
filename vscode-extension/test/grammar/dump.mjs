// Prints the tokens and scopes of a file, one token a line, to look at what a grammar does:
//   node test/grammar/dump.mjs [--no-meta] path/to/file.wit
import { readFileSync } from 'node:fs';
import { loadGrammars } from './textmate.mjs';

const args = process.argv.slice(2);
const hideMeta = args.includes('--no-meta');
const [file] = args.filter((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: node test/grammar/dump.mjs [--no-meta] FILE.wit|FILE.witx');
  process.exit(2);
}

const scope = file.endsWith('.witx') ? 'source.witx' : 'source.wit';
const grammars = await loadGrammars();
grammars.tokenize(scope, readFileSync(file, 'utf8')).forEach(({ line, tokens }, index) => {
  console.log(`${index + 1}: ${line}`);
  for (const token of tokens) {
    const text = line.slice(token.startIndex, token.endIndex);
    if (text.trim() === '') continue;
    console.log(`    ${JSON.stringify(text).padEnd(24)} ${token.scopes.slice(1).filter((s) => !hideMeta || !s.startsWith('meta.')).join(' ')}`);
  }
});
