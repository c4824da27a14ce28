// indicators.compute's groups come in name order (zh-CN collation, by pinyin) whatever their values: never ranked
// (不得通报排名), neither by a figure nor by the code points of the names; the same for a division's judges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { IndicatorsResult } from '../../shared/indicators/api';
import type { CaseRecord } from '../../shared/cases/types';

const TODAY = '2024-12-31';
const PASSWORD = 'right-pass-1';
/*
 * Judge, division, cases received in March. By pinyin: 艾 白 王 张 and 民 审 刑 执. By code point: 张 王 白 艾 and
 * 刑 审 执 民. By count up: 白 张 艾 王 (审 执 民 刑), down: the reverse. Four different orders: only one is the names'.
 */
const PEOPLE: Array<[judge: string, division: string, cases: number]> = [
  ['艾青', '民一庭', 3],
  ['白雪', '审判监督庭', 1],
  ['王五', '刑事审判庭', 4],
  ['张三', '执行局', 2],
];
// A second judge in 民一庭, whose name sorts before 艾 by code point (丁 U+4E01) and after it by pinyin (ding).
const SECOND: [string, string, number] = ['丁一', '民一庭', 5];

let t: ReturnType<typeof freshCourtDb>;
let core: Core;

beforeAll(() => {
  t = freshCourtDb();
  let seq = 0;
  const cases: CaseRecord[] = [...PEOPLE, SECOND].flatMap(([judge, division, n]) =>
    Array.from({ length: n }, () => record({ caseNumber: `（2024）辽0421民初${++seq}号`, judge, division, filedOn: '2024-03-05' })),
  );
  t.put(cases, TODAY);
  new AccountStore(t.db).create({ name: '统计己', roles: ['statistician'], division: null, password: PASSWORD, actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
});
afterAll(() => {
  core.close();
  t.cleanup();
});

async function groups(args: Record<string, unknown>): Promise<Array<[string, number]>> {
  const s = (await core.call('auth.signIn', { name: '统计己', password: PASSWORD })).session as { set: string };
  const r = (await core.call('indicators.compute', { from: '2024-03-01', to: '2024-03-31', ...args }, { session: s.set })) as { ok: boolean; value: IndicatorsResult };
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r.value.groups!.map((g) => [g.name, g.values.received.value]);
}

describe('group order', () => {
  it.each([
    ['division', {}, [['民一庭', 8], ['审判监督庭', 1], ['刑事审判庭', 4], ['执行局', 2]]],
    ['judge', {}, [['艾青', 3], ['白雪', 1], ['丁一', 5], ['王五', 4], ['张三', 2]]],
    ['judge', { division: '民一庭' }, [['艾青', 3], ['丁一', 5]]],
  ] as const)('by %s %o: pinyin order of the names, not of the figures', async (by, scope, expected) => {
    expect(await groups({ by, ...scope })).toEqual(expected);
  });
});
