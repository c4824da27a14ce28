// Counted durations merged by counting (they are whole days in a narrow range), and the court's tally summed with it.
import { addCounted, addTallies, type Counted, type Tally } from '../../../shared/indicators/formulas';

/** Widest value range counted; wider (or fractional) lists are merged by formulas.addCounted instead. */
const COUNTING_RANGE = 1 << 16;
/**
 * Counting walks the whole range: entries this many times fewer than the range go to addCounted instead (a few
 * values far apart). A pair's year at 1M is some 220 entries over 3,400 days, counted.
 */
const SPARSE = 64;

/**
 * Lists of flat (value, count) pairs, in any order and with repeated values (a count of 0 or less adds none), as one
 * counted list: the same as formulas.addCounted. The pre-aggregated tallies read a year's durations as 13,000 counted
 * rows for 118,000 values at 1M, and merge them per group and again for the court without writing a value out.
 */
export function mergeCounted(lists: ReadonlyArray<readonly number[]>): Counted {
  // One list already counted (a judge's group is one pair's list): copied, not counted again.
  if (lists.length === 1 && isCounted(lists[0])) return lists[0].slice();
  let entries = 0;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (const l of lists) {
    for (let i = 0; i < l.length; i += 2) {
      if (l[i + 1] <= 0) continue;
      const v = l[i];
      entries++;
      if (v < min) min = v;
      if (v > max) max = v;
      if (!Number.isInteger(v)) whole = false;
    }
  }
  if (entries === 0) return [];
  if (!whole || max - min >= COUNTING_RANGE || entries * SPARSE < max - min) return addCounted(lists);
  const range = max - min + 1;
  if (scratch.length < range) scratch = new Float64Array(Math.min(COUNTING_RANGE, Math.max(range, 2 * scratch.length)));
  let distinct = 0;
  for (const l of lists) {
    for (let i = 0; i < l.length; i += 2) {
      const c = l[i + 1];
      if (c <= 0) continue;
      const at = l[i] - min;
      if (scratch[at] === 0) distinct++;
      scratch[at] += c;
    }
  }
  const out: Counted = new Array(2 * distinct);
  let k = 0;
  for (let v = 0; k < out.length; v++) {
    const c = scratch[v];
    if (c === 0) continue;
    out[k++] = v + min;
    out[k++] = c;
    scratch[v] = 0;
  }
  return out;
}

/** Whether a list is already in the counted form: values strictly ascending, counts positive. */
function isCounted(l: readonly number[]): boolean {
  for (let i = 0; i < l.length; i += 2) if (!(l[i + 1] > 0) || (i > 0 && !(l[i] > l[i - 2]))) return false;
  return true;
}

/**
 * The counting slots, kept zero between calls (each slot used is zeroed as it is read out) and grown as needed, up to
 * COUNTING_RANGE: a dashboard merges some 75 lists, none of them allocating and zeroing an array of its own.
 */
let scratch = new Float64Array(4096);

/** addTallies (shared/indicators/formulas.ts) with the durations merged by mergeCounted: the same tally. */
export function sumTallies(list: readonly Tally[]): Tally {
  return addTallies(list, mergeCounted);
}
