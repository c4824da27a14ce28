// Counted lists (formulas.Counted) from values written out and back, the plain way: sorted numerically, runs counted.
import type { Counted } from '../../shared/indicators/formulas';

/** The values sorted numerically, each run of equal values as one (value, count) entry. */
export function countValues(values: readonly number[]): Counted {
  const sorted = [...values].sort((a, b) => a - b);
  const out: Counted = [];
  for (const v of sorted) {
    if (out.length && out[out.length - 2] === v) out[out.length - 1]++;
    else out.push(v, 1);
  }
  return out;
}

/** Every entry's value written out count times (a count of 0 or less writes none), in the entries' order. */
export function writeOut(c: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < c.length; i += 2) for (let k = 0; k < c[i + 1]; k++) out.push(c[i]);
  return out;
}
