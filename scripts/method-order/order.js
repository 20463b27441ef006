// For scripts/record-method-order.sh: the managed methods a run executed, in the order it first reached them.
// Usage: node order.js SYMBOLS LOW HIGH TRACE... where SYMBOLS is `nm -n` of the executable's symbols, LOW and HIGH
// (hex) bound its managed code, and each TRACE is Valgrind's `lackey --trace-superblocks=yes` log of one run.
'use strict';
const fs = require('fs');
const readline = require('readline');

const [symbolsFile, low, high, ...traces] = process.argv.slice(2);
const lowest = BigInt('0x' + low), highest = BigInt('0x' + high);
const symbols = fs.readFileSync(symbolsFile, 'utf8').split('\n')
  .map(line => line.split(' '))
  .filter(parts => parts.length === 3 && /^[tTwW]$/.test(parts[1]))
  .map(([address, , name]) => ({ address: BigInt('0x' + address), name }));

function containing(address) {
  let lo = 0, hi = symbols.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (symbols[mid].address <= address) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found < 0 ? null : symbols[found].name;
}

(async () => {
  const seen = new Set();
  const order = [];
  for (const trace of traces) {
    const lines = readline.createInterface({ input: fs.createReadStream(trace), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.startsWith('SB ')) continue;
      const address = BigInt('0x' + line.slice(3).trim());
      if (address < lowest || address >= highest) continue;
      const name = containing(address);
      if (name !== null && !seen.has(name)) { seen.add(name); order.push(name); }
    }
  }
  process.stdout.write(order.join('\n') + '\n');
})();
