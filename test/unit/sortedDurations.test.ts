// mergeSorted, mergeCounted and sumTallies against the plain way: concatenation sorted numerically, and formulas.addTallies.
import { describe, expect, it } from 'vitest';
import { mergeCounted, mergeSorted, sumTallies } from '../../electron/core/indicators/sortedDurations';
import { addTallies, emptyTally, type Tally } from '../../shared/indicators/formulas';
import { rng } from '../helpers/randomCourt';

const plain = (lists: number[][]) => lists.flat().sort((a, b) => a - b);

describe('mergeSorted', () => {
  it('equals the concatenation sorted, for random lists of whole days, negatives, wide ranges and fractions', () => {
    const r = rng(99);
    for (let round = 0; round < 200; round++) {
      const kind = r.int(4);
      const value = () => (kind === 0 ? r.int(4000) : kind === 1 ? r.int(400) - 200 : kind === 2 ? r.int(2 ** 20) * (r.next() < 0.5 ? -1 : 1) : r.next() * 100);
      const lists = Array.from({ length: r.int(6) }, () => Array.from({ length: r.int(300) }, value));
      expect(mergeSorted(lists), `round ${round} kind ${kind}`).toEqual(plain(lists));
    }
    expect(mergeSorted([])).toEqual([]);
    expect(mergeSorted([[], []])).toEqual([]);
    expect(mergeSorted([[3, 3, 1], [2, 1]])).toEqual([1, 1, 2, 3, 3]);
    // 65,536 values apart: too wide to count, sorted instead.
    expect(mergeSorted([[65_536, 0], [5]])).toEqual([0, 5, 65_536]);
  });
});

describe('mergeCounted', () => {
  it('equals the values written out count times and sorted, for random counted lists (zero and negative counts add none)', () => {
    const r = rng(18);
    for (let round = 0; round < 200; round++) {
      const kind = r.int(3);
      const value = () => (kind === 0 ? r.int(4000) : kind === 1 ? r.int(2 ** 20) : r.next() * 100);
      const lists = Array.from({ length: r.int(6) }, () => Array.from({ length: r.int(100) }, () => [value(), r.int(12) - 2]).flat());
      const written = lists.map((l) => l.flatMap((v, i) => (i % 2 ? [] : Array.from({ length: Math.max(0, l[i + 1]) }, () => v))));
      expect(mergeCounted(lists), `round ${round} kind ${kind}`).toEqual(plain(written));
    }
    expect(mergeCounted([])).toEqual([]);
    expect(mergeCounted([[5, 0], [7, -1]])).toEqual([]);
    expect(mergeCounted([[3, 2, 1, 1], [2, 1, 1, 1]])).toEqual([1, 1, 2, 3, 3]);
  });
});

describe('sumTallies', () => {
  it('equals addTallies on random tallies, and leaves its inputs as they were', () => {
    const r = rng(7);
    for (let round = 0; round < 50; round++) {
      const list: Tally[] = Array.from({ length: r.int(8) }, () => {
        const t = emptyTally();
        for (const k of Object.keys(t) as Array<keyof Tally>) if (k !== 'durations' && k !== 'age') t[k] = r.int(1000);
        t.age = t.age.map(() => r.int(50));
        t.durations = Array.from({ length: r.int(200) }, () => r.int(900)).sort((a, b) => a - b);
        return t;
      });
      const copy = structuredClone(list);
      expect(sumTallies(list)).toEqual(addTallies(list));
      expect(list).toEqual(copy);
    }
  });
});
