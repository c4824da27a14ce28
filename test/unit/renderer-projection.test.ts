// Renderer: 脱薄预测's address (every assumption in it, a bad value falling back to the default) and its store (the refused argument kept for the form).
import { describe, expect, it, vi } from 'vitest';
import { splitHash } from '../../renderer/src/router/hash';
import { DEFAULT_PROJECTION_ROUTE, formatProjectionRoute, parseProjectionRoute } from '../../renderer/src/features/projection/routes';
import { argsOf, createProjectionStore } from '../../renderer/src/features/projection/store';

const parse = (h: string) => parseProjectionRoute(splitHash(h)!);

describe('#/ledger/projection', () => {
  it('reads every assumption and writes back only what differs from the default', () => {
    const r = parse('#/ledger/projection?months=12&closeMore=10&clearOldest=50&by=2026-06-30&judges=-1&asOf=2026-10-31');
    expect(r).toEqual({ name: 'projection', months: 12, closeMore: 10, clearOldest: 50, by: '2026-06-30', judgesDelta: -1, asOf: '2026-10-31' });
    expect(formatProjectionRoute(r!)).toBe('#/ledger/projection?months=12&closeMore=10&clearOldest=50&by=2026-06-30&judges=-1&asOf=2026-10-31');
    expect(parse('#/ledger/projection')).toEqual(DEFAULT_PROJECTION_ROUTE);
    expect(formatProjectionRoute(DEFAULT_PROJECTION_ROUTE)).toBe('#/ledger/projection');
  });
  it.each([
    ['months=0', { months: 6 }], ['months=25', { months: 6 }], ['months=abc', { months: 6 }], ['closeMore=-3', { closeMore: 0 }],
    ['clearOldest=5', { clearOldest: 0, by: null }], ['by=2026-06-30', { clearOldest: 0, by: null }], ['clearOldest=5&by=2026-02-30', { clearOldest: 0, by: null }],
    ['judges=%2B2', { judgesDelta: 2 }], ['judges=9999', { judgesDelta: 0 }], ['asOf=yesterday', { asOf: null }],
  ])('a typed address never fails: %s', (q, expected) => {
    expect(parse(`#/ledger/projection?${q}`)).toEqual({ ...DEFAULT_PROJECTION_ROUTE, ...expected });
  });
  it('is no other address', () => {
    expect(parse('#/ledger')).toBeNull();
    expect(parse('#/ledger/projection/x')).toBeNull();
    expect(parse('#/indicators')).toBeNull();
  });
});

describe('projection store', () => {
  it('asks with the route’s assumptions and keeps the last answer when one is refused, with the field at fault', async () => {
    const answer = { ok: true as const, value: { months: [] } as never };
    const call = vi.fn().mockResolvedValueOnce(answer).mockResolvedValueOnce({ ok: false, error: { code: 'BAD_ARGS', message: '近 12 个月有结案的法官 3 人，减少 5 人后不足 1 人', field: 'judgesDelta' } });
    const s = createProjectionStore({ 'ledger.project': call });
    await s.getState().load({ ...DEFAULT_PROJECTION_ROUTE, closeMore: 4 });
    expect(call).toHaveBeenLastCalledWith({ months: 6, closeMore: 4, judgesDelta: 0 });
    await s.getState().load({ ...DEFAULT_PROJECTION_ROUTE, judgesDelta: -5, clearOldest: 3, by: '2026-01-31', asOf: '2025-12-31' });
    expect(call).toHaveBeenLastCalledWith({ months: 6, closeMore: 0, judgesDelta: -5, clearOldest: 3, by: '2026-01-31', asOf: '2025-12-31' });
    expect(s.getState()).toMatchObject({ result: answer.value, loading: false, field: 'judgesDelta', error: expect.stringContaining('不足 1 人') });
  });
  it('sends clearOldest only with its date', () => {
    expect(argsOf({ ...DEFAULT_PROJECTION_ROUTE, clearOldest: 3, by: null })).toEqual({ months: 6, closeMore: 0, judgesDelta: 0 });
  });
});
