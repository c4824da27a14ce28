// Sums the JSON reports of every vitest run into the one line CI reads: "N passed, N failed".
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'test-results';
let passed = 0;
let failed = 0;
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
for (const f of files) {
  const report = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
  passed += report.numPassedTests ?? 0;
  // A file that failed to load counts as a failure even though no test in it ran.
  failed += (report.numFailedTests ?? 0) + (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
  console.log(`${f}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests ?? 0} skipped`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
