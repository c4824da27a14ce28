// mergeCounted and sumTallies against the plain way: the values written out, sorted and counted, and formulas.addTallies.
import { describe, expect, it } from 'vitest';
import { mergeCounted, sumTallies } from '../../electron/core/indicators/sortedDurations';
import { addCounted, addTallies, emptyTally, type Tally, type TallyCounter } from '../../shared/indicators/formulas';
import { rng } from '../helpers/randomCourt';
import { countValues, writeOut } from '../helpers/countedValues';

describe('mergeCounted', () => {
  it('equals the values written out count times, sorted and counted, for random lists (zero and negative counts add none)', () => {
    const r = rng(18);
    for (let round = 0; round < 300; round++) {
      const kind = r.int(5);
      // Whole days (counted), negatives, wide (2^20: merged the general way), fractions, and a few values far apart.
      const value = () => (kind === 0 ? r.int(4000) : kind === 1 ? r.int(400) - 200 : kind === 2 ? r.int(2 ** 20) : kind === 3 ? r.next() * 100 : r.int(2) * 60_000);
      const lists = Array.from({ length: r.int(6) }, () => Array.from({ length: r.int(100) }, () => [value(), r.int(12) - 2]).flat());
      const merged = mergeCounted(lists);
      expect(merged, `round ${round} kind ${kind}`).toEqual(countValues(lists.flatMap(writeOut)));
      expect(merged).toEqual(addCounted(lists));
    }
    expect(mergeCounted([])).toEqual([]);
    expect(mergeCounted([[5, 0], [7, -1]])).toEqual([]);
    expect(mergeCounted([[3, 2, 1, 1], [2, 1, 1, 1]])).toEqual([1, 2, 2, 1, 3, 2]);
    // 65,536 apart: too wide to count, merged the general way.
    expect(mergeCounted([[65_536, 1, 0, 2], [5, 1, 0, 1]])).toEqual([0, 3, 5, 1, 65_536, 1]);
    // One list already counted (a judge's group): an equal copy, never the list itself.
    const one = [2, 1, 7, 3, 40, 2];
    expect(mergeCounted([one])).toEqual(one);
    expect(mergeCounted([one])).not.toBe(one);
    // One list ascending but not counted: a repeated value, a count of 0, a descent.
    expect(mergeCounted([[2, 1, 2, 3, 5, 1]])).toEqual([2, 4, 5, 1]);
    expect(mergeCounted([[2, 1, 3, 0, 5, 1]])).toEqual([2, 1, 5, 1]);
    expect(mergeCounted([[5, 1, 2, 1]])).toEqual([2, 1, 5, 1]);
    // Two entries 1,000 apart: sparse, merged the general way.
    expect(mergeCounted([[1_000, 1], [0, 4]])).toEqual([0, 4, 1_000, 1]);
  });
});

describe('sumTallies', () => {
  it('equals addTallies on random tallies, and leaves its inputs as they were', () => {
    const r = rng(7);
    for (let round = 0; round < 50; round++) {
      const list: Tally[] = Array.from({ length: r.int(8) }, () => {
        const t = emptyTally();
        for (const k of Object.keys(t) as Array<keyof Tally>) if (k !== 'durationCounts' && k !== 'age') t[k as TallyCounter] = r.int(1000);
        t.age = t.age.map(() => r.int(50));
        t.durationCounts = countValues(Array.from({ length: r.int(200) }, () => r.int(900)));
        return t;
      });
      const copy = structuredClone(list);
      expect(sumTallies(list)).toEqual(addTallies(list));
      expect(list).toEqual(copy);
    }
  });
});
