// countPairs against JSON.parse: the same (duration, count) pairs for the objects SQLite writes, and JSON.parse's reading of any other text.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { countPairs } from '../../electron/core/indicators/countsText';
import { rng } from '../helpers/randomCourt';

/** JSON.parse's reading, as a multiset of pairs (an object with integer keys lists them in ascending order). */
const parsed = (text: string) => Object.entries(JSON.parse(text) as Record<string, number>).map(([k, v]) => [Number(k), v]);
const pairsOf = (flat: number[]) => Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]);
const sorted = (pairs: number[][]) => [...pairs].sort((a, b) => a[0] - b[0]);

describe('countPairs', () => {
  it('reads what SQLite\'s json() writes of a JSONB count object, as JSON.parse does', () => {
    const db = new Database(':memory:');
    try {
      const r = rng(20);
      const set = db.prepare("SELECT jsonb_set(?, '$.\"' || ? || '\"', ?)");
      for (let round = 0; round < 200; round++) {
        let blob = db.prepare("SELECT jsonb('{}')").pluck().get() as Buffer;
        for (let i = r.int(60); i > 0; i--) {
          const d = r.next() < 0.05 ? -1 - r.int(10) : r.next() < 0.05 ? 10 ** 14 + r.int(1000) : r.int(3000);
          blob = set.pluck().get(blob, d, 1 + r.int(r.next() < 0.1 ? 10 ** 9 : 40)) as Buffer;
        }
        const text = db.prepare('SELECT json(?)').pluck().get(blob) as string;
        // Keys in the order they were set, which is the text's order: compared as sets of pairs.
        expect(sorted(pairsOf(countPairs(text))), text).toEqual(sorted(parsed(text)));
      }
    } finally {
      db.close();
    }
    expect(countPairs('{}')).toEqual([]);
    expect(countPairs('{"40":1,"7":2,"-3":5}')).toEqual([40, 1, 7, 2, -3, 5]);
  });

  it('reads any other JSON object with JSON.parse, and throws on a text that is none', () => {
    for (const text of ['{"1.5":2,"3":1}', '{ "3": 1 }', '{"3":1.5}', '{"0012":1}', '{"3":1,"4":2,"1e3":1}', '{"1234567890123456":1}']) {
      expect(sorted(pairsOf(countPairs(text))), text).toEqual(sorted(parsed(text)));
    }
    for (const text of ['{"3":1,}', '{"3":1', '[1,2]x', '']) expect(() => countPairs(text), text).toThrow();
  });
});
