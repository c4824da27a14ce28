// app.info names the court's level, so that everyone who may open 报送中院 (a president holds no exchange.keys) sees the right side of it.
import { afterAll, describe, expect, it } from 'vitest';
import { freshCourtDb } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';

const opened: Array<{ core: Core; cleanup(): void }> = [];
afterAll(() => {
  for (const o of opened) {
    o.core.close();
    o.cleanup();
  }
});

async function infoAsPresident(code: string) {
  const t = freshCourtDb(code);
  new AccountStore(t.db).create({ name: '院长甲', roles: ['president'], division: null, password: 'right-pass-1', actor: 'tester' });
  t.db.close();
  const core = openCore({ dbPath: t.file, host: 'loopback', today: '2026-12-05' });
  opened.push({ core, cleanup: t.cleanup });
  const r = await core.call('auth.signIn', { name: '院长甲', password: 'right-pass-1' });
  const session = (r.session as { set: string }).set;
  // The president may not read the keys: the level must come from elsewhere.
  expect(await core.call('exchange.keysShow', {}, { session })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  return core.call('app.info', {}, { session });
}

describe('app.info courtLevel', () => {
  it('is basic at a basic court and intermediate at an intermediate court', async () => {
    expect(await infoAsPresident('辽0421')).toMatchObject({ ok: true, value: { courtCode: '辽0421', courtLevel: 'basic' } });
    expect(await infoAsPresident('辽04')).toMatchObject({ ok: true, value: { courtCode: '辽04', courtLevel: 'intermediate' } });
  });
});
