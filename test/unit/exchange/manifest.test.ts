// manifest.json and content.json: strict bytes (no BOM, UTF-8, no duplicate keys), schema, version first, agreement.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  contentDisagreement,
  encodeContent,
  encodeManifest,
  parseContent,
  parseManifest,
  type Content,
  type Manifest,
} from '../../../shared/exchange/manifest';
import { DATA_PARTS } from '../../../shared/exchange/partNames';

const counts = Object.fromEntries(DATA_PARTS.map((p, i) => [p, i * 10])) as Manifest['counts'];
const manifest: Manifest = {
  formatVersion: 1,
  suite: 'age-x25519/minisign-ed25519',
  packageId: '3b241101-e2bb-4255-8caf-4136c566a962',
  sender: { courtCode: '辽0421', courtName: '抚顺县人民法院' },
  recipient: { courtCode: '辽04', fingerprint: 'a'.repeat(64) },
  period: { from: '2025-01-01', to: '2025-03-31' },
  kind: 'incremental',
  baseSequence: 6,
  sequence: 7,
  schemaVersion: 3,
  createdAt: '2025-04-01T09:30:00+08:00',
  includesPartyNames: false,
  counts,
  payloadSha256: 'b'.repeat(64),
};
const content: Content = {
  packageId: manifest.packageId,
  sender: { courtCode: '辽0421' },
  sequence: 7,
  kind: 'incremental',
  baseSequence: 6,
  schemaVersion: 3,
  counts,
  parts: Object.fromEntries(DATA_PARTS.map((p) => [p, { sha256: 'c'.repeat(64), bytes: 100 }])) as Content['parts'],
};

const bytesOf = (value: unknown) => Buffer.from(JSON.stringify(value));
const withField = (patch: Record<string, unknown>) => bytesOf({ ...manifest, ...patch });
function check(bytes: Uint8Array): { code: string; message: string } {
  const r = parseManifest(bytes);
  return r.ok ? { code: 'ok', message: '' } : { code: r.code, message: r.message };
}

describe('manifest.json', () => {
  it('round-trips through its canonical bytes: sorted keys, UTF-8, no BOM, LF, the same bytes every time', () => {
    const bytes = encodeManifest(manifest);
    expect(bytes[0]).toBe(0x7b);
    expect(bytes.toString('utf8')).toContain('"courtCode": "辽0421"');
    expect(bytes.toString('utf8').endsWith('}\n')).toBe(true);
    expect(encodeManifest({ ...manifest }).equals(bytes)).toBe(true);
    const keys = Object.keys(JSON.parse(bytes.toString('utf8')));
    expect(keys).toEqual([...keys].sort());
    const r = parseManifest(bytes);
    expect(r.ok && r.manifest).toEqual(manifest);
    const full = { ...manifest, kind: 'full' as const, baseSequence: null, keyRotation: { publicKey: 'RWQ' + 'A'.repeat(53), fromSequence: 8, proof: 'x' } };
    expect(parseManifest(encodeManifest(full)).ok).toBe(true);
    expect(() => encodeManifest({ ...manifest, sequence: 0 })).toThrow();
  });

  it('a BOM, broken UTF-8, broken JSON, over 64 KiB', () => {
    expect(check(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encodeManifest(manifest)])).code).toBe('bom');
    const bad = Buffer.from(encodeManifest(manifest));
    bad[bad.indexOf(Buffer.from('辽'))] = 0xff;
    expect(check(bad).code).toBe('utf8');
    expect(check(Buffer.from('{"formatVersion": 1,}')).code).toBe('json');
    expect(check(Buffer.from('')).code).toBe('json');
    expect(check(Buffer.alloc(64 * 1024 + 1, 0x20)).code).toBe('tooLarge');
  });

  it('duplicate keys at the top and nested, also when spelled with an escape', () => {
    const text = encodeManifest(manifest).toString('utf8');
    const top = check(Buffer.from(text.replace('"sequence": 7', '"sequence": 7, "sequence": 8')));
    expect(top.code).toBe('duplicateKey');
    expect(top.message).toContain('sequence');
    const nested = check(Buffer.from(text.replace('"courtName": "抚顺县人民法院"', '"courtName": "抚顺县人民法院", "court\\u004eame": "x"')));
    expect(nested).toEqual({ code: 'duplicateKey', message: expect.stringContaining('sender.courtName') });
  });

  it('an unknown formatVersion has its own message, before the other fields are looked at', () => {
    const r = check(bytesOf({ formatVersion: 2, somethingNew: true }));
    expect(r.code).toBe('formatVersion');
    expect(r.message).toContain('升级');
    expect(check(withField({ formatVersion: '1' })).code).toBe('formatVersion');
    expect(check(bytesOf({ ...manifest, formatVersion: undefined })).message).toContain('formatVersion');
    expect(check(Buffer.from('[1]')).code).toBe('schema');
  });

  it('a missing field, an unknown field, and sequences of -1, 1.5, "7", 2^60 each name the field', () => {
    const { sender: _sender, ...noSender } = manifest;
    expect(check(bytesOf(noSender))).toEqual({ code: 'schema', message: expect.stringContaining('「sender」缺失') });
    expect(check(withField({ extra: 1 })).message).toContain('未定义的字段「extra」');
    expect(check(withField({ sender: 5 })).message).toContain('「sender」类型不对');
    for (const sequence of [-1, 0, 1.5, '7', 2 ** 60]) {
      const r = check(withField({ sequence }));
      expect(r.code, String(sequence)).toBe('schema');
      expect(r.message).toContain('「sequence」应为 1 至 2^53−1 之间的整数');
    }
    expect(check(Buffer.from(encodeManifest(manifest).toString().replace('"sequence": 7', '"sequence": 1152921504606846976'))).code).toBe('schema');
  });

  it('the rules across fields: kind and base, the period, dates, the creation time, hashes, counts', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'full' }, 'baseSequence'],
      [{ baseSequence: null }, 'baseSequence'],
      [{ baseSequence: 7 }, 'baseSequence'],
      [{ period: { from: '2025-04-01', to: '2025-03-31' } }, 'period.to'],
      [{ period: { from: '2025-02-30', to: '2025-03-31' } }, 'period.from'],
      [{ createdAt: '2025-04-01T09:30:00' }, 'createdAt'],
      [{ createdAt: '2025-13-01T09:30:00Z' }, 'createdAt'],
      [{ payloadSha256: 'B'.repeat(64) }, 'payloadSha256'],
      [{ recipient: { courtCode: '辽04', fingerprint: 'a'.repeat(63) } }, 'recipient.fingerprint'],
      [{ packageId: 'not-a-uuid' }, 'packageId'],
      [{ counts: { ...counts, 'cases.ndjson': -1 } }, 'counts.cases.ndjson'],
      [{ counts: { ...counts, 'cases.ndjson': 3_000_000, 'events.ndjson': 3_000_000 } }, 'counts'],
      [{ suite: 'sm2/sm3' }, 'suite'],
      [{ includesPartyNames: 'no' }, 'includesPartyNames'],
    ];
    for (const [patch, field] of cases) {
      const r = check(withField(patch));
      expect(r.code, field).toBe('schema');
      expect(r.message, field).toContain(`「${field}」`);
    }
  });

  it('says the same under the Chinese zod locale the core sets (openCore) as under the default', () => {
    const cases = [withField({ sender: 5 }), withField({ sequence: '7' }), withField({ kind: 'x' }), bytesOf({ ...manifest, sender: undefined })];
    const plain = cases.map((c) => check(c).message);
    const previous = z.config().localeError;
    z.config(z.locales.zhCN());
    try {
      expect(cases.map((c) => check(c).message)).toEqual(plain);
    } finally {
      z.config({ localeError: previous });
    }
    expect(plain).toEqual([
      expect.stringContaining('「sender」类型不对'),
      expect.stringContaining('「sequence」应为 1 至 2^53−1 之间的整数'),
      expect.stringContaining('「kind」取值不在允许范围内'),
      expect.stringContaining('「sender」缺失'),
    ]);
  });

  it('a key named __proto__ is an unknown field, not a prototype', () => {
    const r = check(Buffer.from(encodeManifest(manifest).toString().replace('{', '{"__proto__": {"polluted": 1},')));
    expect(r.code).toBe('schema');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('content.json', () => {
  it('parses its canonical bytes and agrees with the manifest', () => {
    const r = parseContent(encodeContent(content));
    expect(r.ok && r.content).toEqual(content);
    expect(contentDisagreement(content, manifest)).toBeNull();
  });

  it('refuses duplicate keys, a missing part, a BOM', () => {
    const text = encodeContent(content).toString('utf8');
    expect(parseContent(Buffer.from(text.replace('"sequence": 7', '"sequence": 7, "sequence": 7'))).ok).toBe(false);
    const { 'ranges.json': _r, ...fewer } = content.parts;
    const missing = parseContent(bytesOf({ ...content, parts: fewer }));
    expect(missing.ok ? '' : missing.message).toContain('parts.ranges.json');
    expect(parseContent(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encodeContent(content)])).ok).toBe(false);
  });

  it('names what differs from the manifest: court, id, sequence, kind, base, schema version, a count', () => {
    const cases: Array<[Partial<Content>, string]> = [
      [{ sender: { courtCode: '辽0422' } }, '辽0422'],
      [{ packageId: '3b241101-e2bb-4255-8caf-4136c566a963' }, '编号'],
      [{ sequence: 8 }, '序号'],
      [{ kind: 'full', baseSequence: null }, '全量'],
      [{ baseSequence: 5 }, '基准序号'],
      [{ schemaVersion: 4 }, '数据结构版本'],
      [{ counts: { ...counts, 'events.ndjson': 11 } }, 'events.ndjson'],
    ];
    const messages = new Set<string>();
    for (const [patch, word] of cases) {
      const m = contentDisagreement({ ...content, ...patch }, manifest);
      expect(m, word).toContain(word);
      messages.add(m!);
    }
    expect(messages.size).toBe(cases.length);
  });
});
