// Child-process entry of the import memory tests: reads or imports the files it is given and prints, as one JSON line, each outcome and the process's peak memory.
import { readFileSync } from 'node:fs';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { CaseStore } from '../../electron/core/cases/caseStore';
import { importCasesFile } from '../../electron/core/cases/importCases';
import { readImportTable } from '../../electron/core/cases/importFile';

export interface ProbeRequest {
  /** 'read' runs only the file reader; 'import' the whole import into `db`. */
  mode: 'read' | 'import';
  files: string[];
  db?: string;
  today?: string;
}

export interface ProbeOutcome {
  file: string;
  ok: boolean;
  rows?: number;
  errorName?: string;
  message?: string;
}

export interface ProbeReport {
  outcomes: ProbeOutcome[];
  /** Peak resident set size of this process, in MiB. */
  maxRssMb: number;
}

/**
 * This process's peak resident memory. On Linux from VmHWM, the high-water mark of this process's own memory: the
 * maxRSS of getrusage starts from the parent's resident size at the fork, so it would report the test runner's
 * memory for a child that used less.
 */
function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // Not Linux: getrusage is what there is.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function main(): Promise<void> {
  const req = JSON.parse(readFileSync(process.argv[2], 'utf8')) as ProbeRequest;
  const outcomes: ProbeOutcome[] = [];
  const handle = req.mode === 'import' ? openDatabase(req.db!) : null;
  for (const file of req.files) {
    try {
      if (handle) {
        const s = await importCasesFile(handle.db, new CaseStore(handle.db), file, { goodRowsOnly: false, actor: 'tester', createMissing: true, today: req.today ?? '2024-12-31' });
        outcomes.push({ file, ok: !s.aborted, rows: s.rows, message: s.errors.map((e) => e.message).join('；') || undefined });
      } else {
        const t = await readImportTable(file);
        outcomes.push({ file, ok: true, rows: t.rows.length });
      }
    } catch (err) {
      const e = err as Error;
      outcomes.push({ file, ok: false, errorName: e?.name, message: e?.message ?? String(err) });
    }
  }
  if (handle) closeDatabase(handle.db);
  const report: ProbeReport = { outcomes, maxRssMb: peakRssMb() };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

void main();
