// A large export: 50,000 seeded cases to .xlsx with memory that stays bounded (rows are read and written one at a
// time and the writer waits for the compressor), every case in the file once. Times live in `npm run bench`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { existsSync, readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { freshCourtDb } from '../helpers/tempDb';
import { seedDatabase } from '../../electron/core/setup/seed';
import { EXPORT_SHEET_NAME, writeCaseListXlsx } from '../../electron/core/cases/caseListXlsx';
import { readFirstSheetFast } from '../../electron/core/cases/xlsxSheet';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { JobCancelled } from '../../electron/core/jobs/job';
import { openCore } from '../../electron/core/app/openCore';
import { EXPORT_CHUNK_BYTES, type CaseExportFile, type CaseExportResult } from '../../shared/cases/exportApi';

const TODAY = '2026-11-20';
const CASES = 50_000;
let t: ReturnType<typeof freshCourtDb>;

beforeAll(() => {
  t = freshCourtDb(undefined, { demo: true });
  seedDatabase(t.db, t.store, { cases: CASES, seed: 7, today: TODAY, actor: 'tester', threads: 'thread' });
}, 300_000);
afterAll(() => t.close());

/** A full garbage collection, also when the test runner was started without --expose-gc. */
function collector(): () => void {
  if (global.gc) return global.gc;
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('a large export', () => {
  it('writes 50,000 cases with bounded memory', async () => {
    const file = path.join(t.dir, 'large.xlsx');
    const used = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.external;
    };
    // What the export holds, not what it has let go of and the collector has not yet taken: measured after a full
    // collection, before, every 5,000 rows and after. (Sampled without one, the figure followed how much garbage the
    // seed happened to leave behind, which the export's own collections then took back.)
    const gc = collector();
    gc();
    const before = used();
    let peak = before;
    let progressed = 0;
    const { count } = await writeCaseListXlsx(t.db, {
      filter: {}, sort: 'filedOn_desc', scope: { kind: 'all' }, today: TODAY, file, actor: 'tester', filterText: '全部',
      control: {
        progress: (done) => {
          progressed = done;
          // Every 5,000 rows: a full collection at each report (every 200 rows) would take most of the test's time.
          if (done % 5000 !== 0) return;
          gc();
          peak = Math.max(peak, used());
        },
        checkCancelled: () => undefined, noLongerCancellable: () => undefined,
      },
    });
    gc();
    peak = Math.max(peak, used());
    const growthMb = (peak - before) / 2 ** 20;
    console.log(`export ${count} cases: ${statSync(file).size} bytes, memory growth ${growthMb.toFixed(1)} MB`);
    expect(count).toBe(CASES);
    expect(progressed).toBe(CASES);
    // Loose: the rows alone, held, would be well over 100 MB (a sheet buffered whole grew 70 MB at 50,000 rows).
    expect(growthMb).toBeLessThan(60);

    // Every case once, read back by the importer's own .xlsx reader (exceljs's streaming reader parks a sheet that
    // comes before workbook.xml in a temporary file and, on a loaded CI machine, once handed back no rows from it).
    const rows = readFirstSheetFast(readFileSync(file), 'large.xlsx')!;
    expect(rows.length).toBe(CASES + 1);
    expect(rows[0]!.cells[0]).toBe('案号');
    expect(new Set(rows.slice(1).map((r) => r.cells[0])).size).toBe(CASES);
  }, 300_000);

  it('leaves no file, and no part of one, when the export is cancelled', async () => {
    const file = path.join(t.dir, 'cancelled.xlsx');
    let checks = 0;
    const cancelling = writeCaseListXlsx(t.db, {
      filter: {}, sort: 'filedOn_desc', scope: { kind: 'all' }, today: TODAY, file, actor: 'tester', filterText: '全部',
      control: {
        progress: () => undefined,
        checkCancelled: () => {
          if (++checks === 3) throw new JobCancelled();
        },
        noLongerCancellable: () => undefined,
      },
    });
    await expect(cancelling).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.part`)).toBe(false);
  });

  it('hands the window a large file in pieces of 4 MB, the same bytes as written', async () => {
    new AccountStore(t.db).create({ name: '导出员', roles: ['clerk'], division: null, password: 'pass-word-1', actor: 'tester' });
    t.db.close();
    const core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
    try {
      const session = ((await core.call('auth.signIn', { name: '导出员', password: 'pass-word-1' })).session as { set: string }).set;
      const made = await core.call('cases.exportXlsx', { status: 'closed', title: '已结' }, { session });
      expect(made.ok, JSON.stringify(made)).toBe(true);
      const { token, count } = (made as { value: CaseExportResult }).value;
      const pieces: Buffer[] = [];
      for (let offset = 0, total = 1; offset < total; ) {
        const r = await core.call('cases.exportFetch', { token, offset }, { session });
        expect(r.ok).toBe(true);
        const piece = (r as { value: CaseExportFile }).value;
        pieces.push(Buffer.from(piece.base64, 'base64'));
        expect(pieces.at(-1)!.length).toBeLessThanOrEqual(EXPORT_CHUNK_BYTES);
        offset = piece.next;
        total = piece.total;
      }
      expect(pieces.length).toBeGreaterThan(1);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.concat(pieces) as unknown as ArrayBuffer);
      expect(wb.getWorksheet(EXPORT_SHEET_NAME)!.rowCount).toBe(count + 1);
      expect(count).toBeGreaterThan(20_000);
    } finally {
      core.close();
    }
  }, 300_000);
});
