// The seed's row source: the worker thread when asked for, this thread otherwise, never one for the other unasked.
import { describe, expect, it } from 'vitest';
import { seedBatches, preparedBatches, SEED_BATCH } from '../../electron/core/generator/seedRows';
import { generateCourt } from '../../electron/core/generator/generate';

const options = { courtCode: '辽0421', cases: 4500, seed: 3, today: '2026-11-23', holidayRoll: false };

describe('seedBatches', () => {
  it('asked for the worker by name, refuses to fall back to this thread when its file is missing', () => {
    // From source (vitest) there is no built worker beside the module.
    expect(() => seedBatches(options, [], 'worker')).toThrow(/npm run build/);
  });

  it('in this thread: every case once, in batches, with its search document and events', () => {
    const batches = [...seedBatches(options, generateCourt(options).cases, 'thread')];
    expect(batches.map((b) => b.length)).toEqual([SEED_BATCH, SEED_BATCH, 500]);
    const rows = batches.flat();
    expect(new Set(rows.map((r) => r.args[0])).size).toBe(4500);
    // The search document starts with the case number without brackets or the court's own code.
    expect(rows.filter((r) => !r.doc.startsWith(`${String(r.args[0]).replace(/[（）]/g, '').replace('辽0421', '')} `))).toEqual([]);
    expect(rows.some((r) => r.events.length > 0)).toBe(true);
    // Deterministic: a second walk gives the same rows.
    expect([...preparedBatches(options)].flat().map((r) => r.args)).toEqual(rows.map((r) => r.args));
  });
});
