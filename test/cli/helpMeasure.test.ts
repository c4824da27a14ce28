// courtdesk help-measure add | list at an intermediate court, through the built command line: a help measure for a basic court's received weak point, listed back; a weak point not in that court's ledger refused with the database unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { installTestKeys } from '../helpers/exchangeKeys';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { generateMinisignKey } from '../../electron/core/exchange/crypto/minisign';
import { storeReceivedLedger } from '../../electron/core/ledger/receivedLedger';
import { EMPTY_LEDGER_PART } from '../../shared/ledger/exchangePart';

let work: ReturnType<typeof tempDir>;
let mid: string;
const atMid = (args: string[]) => cli(['--db', mid, '--today', '2025-07-01', ...args]);

function helpRows(): unknown[] {
  const { db } = openDatabase(mid);
  try {
    return db.prepare('SELECT * FROM ledger_help_measures ORDER BY id').all();
  } finally {
    closeDatabase(db);
  }
}

beforeAll(async () => {
  ensureBuilt();
  work = tempDir();
  mid = path.join(work.dir, 'mid.sqlite');
  initDb(mid, { code: '辽04', name: '某某市中级人民法院' });
  const { db } = openDatabase(mid);
  try {
    await installTestKeys(db, 'mid-pass-1', [{ courtCode: '辽0421', courtName: '某某县人民法院', key: generateMinisignKey() }]);
    // The ledger as the court's package brought it: weak point 7 only.
    const ledger = { ...EMPTY_LEDGER_PART('2025-06-30'), weakPoints: [{ id: 7, text: '长期未结案件多', foundBy: 'intermediate' as const, foundOn: '2025-01-02', targets: [] }] };
    db.transaction(() => storeReceivedLedger(db, { code: '辽0421', name: '某某县人民法院' }, { packageId: randomUUID(), sequence: 1 }, ledger))();
  } finally {
    closeDatabase(db);
  }
}, 120_000);
afterAll(() => work?.cleanup());

describe('courtdesk help-measure', () => {
  const add = ['help-measure', 'add', '派员驻点指导长期未结案件清理', '--court', '辽0421', '--weakpoint', '7', '--leader', '副院长王', '--owner', '审管办李', '--division', '审判管理办公室', '--start', '2025-07-01', '--due', '2025-09-30'];

  it('add prints the new id; list shows it, as text and as JSON', () => {
    const r = atMid(['--json', ...add]);
    expect(r.code, r.err).toBe(0);
    const { id } = r.json() as { id: number };
    expect(id).toBeGreaterThan(0);
    const human = atMid(['help-measure', 'list', '--court', '辽0421']);
    expect(human.code, human.err).toBe(0);
    expect(human.out).toContain(`[${id}] 推进中 2025-07-01 至 2025-09-30 派员驻点指导长期未结案件清理；薄弱点 7；副院长王 / 审管办李 / 审判管理办公室`);
    const json = atMid(['--json', 'help-measure', 'list', '--court', '辽0421']).json() as Array<{ id: number; weakPointIds: number[]; status: string }>;
    expect(json).toEqual([expect.objectContaining({ id, weakPointIds: [7], status: 'inProgress' })]);
  });

  it('a weak point not in the court ledger, a missing deadline, a bad date or an unknown subcommand: refused, nothing written', () => {
    const before = helpRows();
    const unknown = atMid(add.map((a) => (a === '7' ? '99' : a)));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('薄弱点 99 不在辽0421报送的台账中');
    const noDue = atMid(add.slice(0, -2));
    expect(noDue.code).toBe(2);
    expect(noDue.err).toContain('缺少 --due（完成期限）');
    const badDate = atMid(add.map((a) => (a === '2025-09-30' ? '2025-09-31' : a)));
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('--due 的日期“2025-09-31”无效');
    expect(atMid(['help-measure', 'remove', '--court', '辽0421']).code).toBe(2);
    expect(helpRows()).toEqual(before);
  });
});
