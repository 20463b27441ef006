// Writes a minimal TRX file with the counters of one test run, so that .ci/run counts the extension's tests
// with the .NET ones: it reads <Counters passed=".." failed=".."> from every *.trx in $WIT_TEST_RESULTS.
// Without WIT_TEST_RESULTS (a developer running one suite) nothing is written.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} name the suite's name, used as the file name (name.trx)
 * @param {number} passed
 * @param {number} failed
 */
export function writeTrx(name, passed, failed) {
  const dir = process.env.WIT_TEST_RESULTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const total = passed + failed;
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<TestRun name="${name}" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
  <ResultSummary outcome="${failed === 0 ? 'Completed' : 'Failed'}">
    <Counters total="${total}" executed="${total}" passed="${passed}" failed="${failed}" error="0" timeout="0" aborted="0" />
  </ResultSummary>
</TestRun>
`;
  writeFileSync(join(dir, `${name}.trx`), xml);
}
