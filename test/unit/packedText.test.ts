// eachPacked against split and Number: the same numbers in order, nothing at all for a text with a row that did not fit.
import { describe, expect, it } from 'vitest';
import { eachPacked } from '../../electron/core/indicators/packedText';
import { rng } from '../helpers/randomCourt';

const read = (text: string) => {
  const out: number[] = [];
  return { ok: eachPacked(text, (v) => out.push(v)), out };
};

describe('eachPacked', () => {
  it('reads what split and Number read, up to 2^53', () => {
    const r = rng(53);
    for (let round = 0; round < 100; round++) {
      const values = Array.from({ length: r.int(50) + 1 }, () => (r.next() < 0.1 ? Number.MAX_SAFE_INTEGER - r.int(1000) : r.int(10 ** (1 + r.int(12)))));
      expect(read(values.join(','))).toEqual({ ok: true, out: values });
    }
    expect(read('0')).toEqual({ ok: true, out: [0] });
    expect(read('')).toEqual({ ok: true, out: [] });
  });

  it('calls nothing when a row came over as x, and refuses a text the packed reads cannot yield', () => {
    for (const text of ['1,x,3', 'x', '7,8,x']) expect(read(text), text).toEqual({ ok: false, out: [] });
    for (const text of ['12,-4', '1.5,2', '3, 4']) expect(() => read(text), text).toThrow(/packed tally text/);
  });
});
