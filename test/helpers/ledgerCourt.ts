// Test helper: a court for the 脱薄 ledger tests (leaders, judges, a division head, a clerk, hand-built cases) opened as the hosts open it, with calls made as a named person.
import { expect } from 'vitest';
import { freshCourtDb, record } from './tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { Role } from '../../shared/accounts/roles';

export const PASSWORD = 'pass-word-1';
export const PEOPLE: Array<[string, Role[], string | null]> = [
  ['院长', ['president'], null], ['副院长', ['vice_president'], null], ['审管办', ['statistician'], '审判管理办公室'],
  ['王法官', ['judge'], '民一庭'], ['李法官', ['judge'], '民一庭'], ['庭长', ['division_head'], '民一庭'], ['书记员', ['clerk'], '民一庭'],
];
const n = (seq: number) => `（2025）辽0421民初${seq}号`;

/**
 * The hand-built cases of the then/now test. On 2025-02-28: pending A B C D E (F closed in January), over 12 months
 * A B C: 3/5. On 2025-06-30: pending B C D E G (A closed in April), over 12 months B C: 2/5.
 */
export const CASES = [
  record({ caseNumber: n(1), filedOn: '2023-01-10', closedOn: '2025-04-15', closingMethod: '判决' }),
  record({ caseNumber: n(2), filedOn: '2023-06-01' }),
  record({ caseNumber: n(3), filedOn: '2024-01-15' }),
  record({ caseNumber: n(4), filedOn: '2024-10-01' }),
  record({ caseNumber: n(5), filedOn: '2025-01-05' }),
  record({ caseNumber: n(6), filedOn: '2024-12-01', closedOn: '2025-01-20', closingMethod: '判决' }),
  record({ caseNumber: n(7), filedOn: '2025-06-10' }),
];

export interface LedgerCourt {
  core: Core;
  file: string;
  call(who: string, method: string, args: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string; field?: string } }>;
  as<T>(who: string, method: string, args: unknown): Promise<T>;
  refusal(who: string, method: string, args: unknown): Promise<{ code: string; message: string; field?: string }>;
  count(table: string): number;
  close(): void;
}

export async function ledgerCourt(today: string): Promise<LedgerCourt> {
  const t = freshCourtDb();
  t.put(CASES, today);
  t.db.exec("INSERT INTO divisions (court_id, name, kind, row_version, updated_at) VALUES (1, '审判管理办公室', 'office', 1, 'x')");
  const accounts = new AccountStore(t.db);
  for (const [name, roles, division] of PEOPLE) accounts.create({ name, roles, division, password: PASSWORD, actor: 'tester' });
  t.db.close();
  const core = openCore({ dbPath: t.file, host: 'loopback', today, jobWorker: null });
  const sessions = new Map<string, string>();
  const session = async (who: string) => {
    if (!sessions.has(who)) sessions.set(who, ((await core.call('auth.signIn', { name: who, password: PASSWORD })).session as { set: string }).set);
    return sessions.get(who)!;
  };
  const call = async (who: string, method: string, args: unknown) => core.call(method, args, { session: await session(who) }) as ReturnType<LedgerCourt['call']>;
  return {
    core,
    file: t.file,
    call,
    async as<T>(who: string, method: string, args: unknown) {
      const r = await call(who, method, args);
      if (!r.ok) throw new Error(`${method} as ${who}: ${r.error!.code} ${r.error!.message}`);
      return r.value as T;
    },
    async refusal(who: string, method: string, args: unknown) {
      const r = await call(who, method, args);
      expect(r.ok, JSON.stringify(r)).toBe(false);
      return r.error!;
    },
    count: (table: string) => core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number,
    close() {
      core.close();
      t.cleanup();
    },
  };
}

/** A weak point's arguments, with the one target the tests use unless given others. */
export const weakPoint = (extra: Record<string, unknown> = {}) => ({
  text: '长期未结案件偏多', foundBy: 'intermediate', foundOn: '2025-01-05',
  targets: [{ indicator: 'longPending12Ratio', target: 0.02, dueOn: '2025-12-31' }], ...extra,
});
/** A 整改措施's arguments for weak point `id`, led by 院长 and owned by 王法官. */
export const measure = (id: number, extra: Record<string, unknown> = {}) => ({
  kind: 'rectify', text: '集中清理超12个月未结案件', weakPointIds: [id], leader: '院长', owner: '王法官', division: '民一庭',
  startOn: '2025-03-01', dueOn: '2025-09-30', ...extra,
});
