// The ledger's pure rules, table-driven: a measure's status from its dates, due-soon, targets read and met.
import { describe, expect, it } from 'vitest';
import { doneLate, dueSoon, isTargetIndicator, measureStatus, parseTarget, targetMet, targetText, type MeasureDates } from '../../../shared/ledger/rules';

const m = (startOn: string, dueOn: string, doneOn: string | null = null): MeasureDates => ({ startOn, dueOn, doneOn });

describe('measureStatus', () => {
  it.each([
    ['before the start day', m('2025-03-01', '2025-03-31'), '2025-02-28', 'notStarted'],
    ['on the start day', m('2025-03-01', '2025-03-31'), '2025-03-01', 'inProgress'],
    ['on the deadline', m('2025-03-01', '2025-03-31'), '2025-03-31', 'inProgress'],
    ['the day after the deadline', m('2025-03-01', '2025-03-31'), '2025-04-01', 'overdue'],
    ['done before the start (early)', m('2025-03-01', '2025-03-31', '2025-02-20'), '2025-02-25', 'done'],
    ['done late stays done', m('2025-03-01', '2025-03-31', '2025-04-10'), '2025-05-01', 'done'],
    ['not started and already past due', m('2025-03-01', '2025-03-01'), '2025-03-02', 'overdue'],
  ] as const)('%s', (_, dates, today, status) => {
    expect(measureStatus(dates, today)).toBe(status);
  });

  it('done late is said beside the status', () => {
    expect(doneLate(m('2025-03-01', '2025-03-31', '2025-04-01'))).toBe(true);
    expect(doneLate(m('2025-03-01', '2025-03-31', '2025-03-31'))).toBe(false);
    expect(doneLate(m('2025-03-01', '2025-03-31'))).toBe(false);
  });
});

describe('dueSoon (15 days)', () => {
  it.each([
    [m('2025-03-01', '2025-03-31'), '2025-03-16', true],
    [m('2025-03-01', '2025-03-31'), '2025-03-15', false],
    [m('2025-03-01', '2025-03-31'), '2025-04-05', true],
    [m('2025-03-01', '2025-03-31', '2025-03-20'), '2025-03-30', false],
  ] as const)('%o on %s: %s', (dates, today, soon) => {
    expect(dueSoon(dates, today)).toBe(soon);
  });
});

describe('targets', () => {
  it('names only indicators with a better direction', () => {
    expect(isTargetIndicator('longPending12Ratio')).toBe(true);
    expect(isTargetIndicator('onTimeRate')).toBe(true);
    expect(isTargetIndicator('received')).toBe(false);
    expect(isTargetIndicator('pendingAge')).toBe(false);
    expect(isTargetIndicator('nonsense')).toBe(false);
  });

  it.each([
    ['longPending12Ratio', '2%', 0.02],
    ['longPending12Ratio', '2 ％', 0.02],
    ['clearanceRate', '1.05', 1.05],
    ['clearanceRate', '105%', 1.05],
    ['avgDuration', '45', 45],
    ['avgDuration', '45%', null],
    ['longPending12', '-3', null],
    ['longPending12', 'abc', null],
    ['longPending12', '', null],
  ] as const)('parseTarget(%s, %j) = %s', (id, text, value) => {
    const got = parseTarget(id, text);
    if (value === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(value, 12);
  });

  it('is met on the better side, the target itself included', () => {
    expect(targetMet('longPending12Ratio', 0.02, 0.02)).toBe(true);
    expect(targetMet('longPending12Ratio', 0.02, 0.021)).toBe(false);
    expect(targetMet('onTimeRate', 0.95, 0.96)).toBe(true);
    expect(targetMet('onTimeRate', 0.95, 0.94)).toBe(false);
    expect(targetMet('onTimeRate', 0.95, null)).toBeNull();
    expect(targetText('longPending12Ratio', 0.02)).toBe('≤ 2.00%');
    expect(targetText('onTimeRate', 0.95)).toBe('≥ 95.00%');
    expect(targetText('avgDuration', 60)).toBe('≤ 60 天');
  });
});
