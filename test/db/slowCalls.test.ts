// The slow-call report: calls that hash a password (scrypt, slow on purpose) are declared so and never reported,
// while every other call still is when it takes longer than the threshold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { useProductionScryptCost } from '../helpers/scryptCost';
import { API } from '../../shared/api/contract';

let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const reported: string[] = [];
// Timed below: the hashing must cost what it costs in production, not the test run's lower cost.
useProductionScryptCost();

beforeAll(() => {
  t = freshCourtDb();
  t.put([record({ caseNumber: '（2024）辽0421民初1号' })]);
  new AccountStore(t.db).create({ name: '管理员', roles: ['admin', 'president'], password: 'admin-pass-1', actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: '2024-12-31', jobWorker: null, onSlowCall: (m) => reported.push(m) });
});
afterAll(() => {
  core.close();
  t.cleanup();
});

const SCRYPT_CALLS = ['auth.setup', 'auth.signIn', 'auth.unlock', 'auth.changePassword', 'users.add', 'users.resetPassword'];
/** The exchange keys sealed or opened under their passphrase (age scrypt, on a worker thread but awaited by the call). */
const PASSPHRASE_CALLS = ['exchange.keysInit', 'exchange.keysExportPublic', 'exchange.keysImportIdentity', 'exchange.export', 'exchange.receive', 'exchange.returnMake', 'exchange.keysRotate'];

describe('deliberately slow calls', () => {
  it('are the calls that hash or check a password or a key passphrase, declared as such beside their schema', () => {
    const declared = Object.entries(API).filter(([, spec]) => 'slowByDesign' in spec && spec.slowByDesign).map(([m]) => m).sort();
    expect(declared).toEqual([...SCRYPT_CALLS, ...PASSPHRASE_CALLS].sort());
  });

  it('are not reported as slow calls, however long scrypt takes', async () => {
    const started = performance.now();
    const r = await core.call('auth.signIn', { name: '管理员', password: 'admin-pass-1' });
    const signInMs = performance.now() - started;
    expect(r.ok).toBe(true);
    const s = (r.session as { set: string }).set;
    expect(await core.call('users.add', { name: '新书记员', roles: ['clerk'], password: 'clerk-pass-1' }, { session: s })).toMatchObject({ ok: true });
    expect(await core.call('users.resetPassword', { name: '新书记员', password: 'clerk-pass-2' }, { session: s })).toMatchObject({ ok: true });
    expect(await core.call('auth.changePassword', { oldPassword: 'admin-pass-1', newPassword: 'admin-pass-2' }, { session: s })).toMatchObject({ ok: true });
    // A wrong password costs the same work and is just as deliberate.
    expect(await core.call('auth.signIn', { name: '管理员', password: 'wrong-pass-1' })).toMatchObject({ ok: false });
    // The test means something only where scrypt itself is slower than the threshold, as on every machine so far.
    expect(signInMs).toBeGreaterThan(40);
    expect(reported.filter((m) => SCRYPT_CALLS.includes(m))).toEqual([]);
  });
});
