// parseStrictJson: RFC 8259 JSON as JSON.parse reads it, except that duplicate keys and deep nesting are refused.
import { describe, expect, it } from 'vitest';
import { parseStrictJson } from '../../../shared/exchange/strictJson';

describe('parseStrictJson', () => {
  it('reads what JSON.parse reads', () => {
    const docs = ['{}', '[]', '0', '-0.5e-3', '"a\\u00e9\\n\\"\\/"', '{"a":[1,2,{"b":null}],"c":true,"d":false}', ' \n{ "x" : 1 } \t', '"\ud83d\ude00"', '1E+2'];
    for (const doc of docs) expect(parseStrictJson(doc), doc).toEqual({ ok: true, value: JSON.parse(doc) });
  });

  it('refuses what JSON.parse refuses', () => {
    for (const doc of ['', '{', '{"a":1,}', '[1,]', '01', '1.', '.5', '+1', 'NaN', "{'a':1}", '{"a":1} x', '// c\n{}', '"\t"', '"\\x41"', '"\\u12"', 'tru', '{a:1}', '[1 2]']) {
      expect(() => JSON.parse(doc), doc).toThrow();
      const r = parseStrictJson(doc);
      expect(r.ok ? 'ok' : r.code, doc).toBe('json');
    }
  });

  it('refuses duplicate keys at any depth, also spelled with escapes; the same key in sibling objects is fine', () => {
    for (const doc of ['{"a":1,"a":2}', '{"x":{"a":1,"a":1}}', '[{"a":1,"\\u0061":2}]']) {
      const r = parseStrictJson(doc);
      expect(r.ok ? 'ok' : r.code, doc).toBe('duplicateKey');
    }
    expect(parseStrictJson('[{"a":1},{"a":2}]').ok).toBe(true);
  });

  it('refuses nesting 100,000 deep without overflowing the stack', () => {
    const r = parseStrictJson('['.repeat(100_000) + ']'.repeat(100_000));
    expect(r.ok ? 'ok' : r.code).toBe('json');
    expect(r.ok ? '' : r.message).toContain('嵌套过深');
  });
});
