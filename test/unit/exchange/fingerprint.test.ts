// Key fingerprints: SHA-256 over the label, the type and the full key (checked against Node's own hash), shown as 6 groups of 5 digits.
import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { keyFingerprint } from '../../../shared/exchange/fingerprint';
import { keyCardBody, keyCardText, parseKeyCard, type KeyCardFields } from '../../../shared/exchange/keyCard';

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i);

describe('keyFingerprint', () => {
  test('is SHA-256 over label, type and key; the digits come from its first 30 bytes', () => {
    const f = keyFingerprint('age-x25519', KEY);
    const want = createHash('sha256').update('courtdesk.key-fingerprint.v1\nage-x25519\n').update(KEY).digest();
    expect(f.hex).toBe(want.toString('hex'));
    const groups = [0, 1, 2, 3, 4, 5].map((i) => String(Number(want.readUIntBE(i * 5, 5) % 100000)).padStart(5, '0'));
    expect(f.digits).toBe(groups.join(' '));
    expect(f.digits).toMatch(/^\d{5}( \d{5}){5}$/);
  });

  test('another type, or one bit of the key, gives another fingerprint', () => {
    const a = keyFingerprint('age-x25519', KEY);
    expect(keyFingerprint('minisign-ed25519', KEY).hex).not.toBe(a.hex);
    const flipped = Uint8Array.from(KEY, (v, i) => (i === 31 ? v ^ 1 : v));
    const b = keyFingerprint('age-x25519', flipped);
    expect(b.hex).not.toBe(a.hex);
    expect(b.digits).not.toBe(a.digits);
    expect(keyFingerprint('age-x25519', KEY)).toEqual(a);
  });
});

describe('key card text', () => {
  const fields: KeyCardFields = { level: 'basic', courtCode: '辽0421', courtName: '某某县人民法院', minisignPublicKey: 'RWQ' + 'A'.repeat(53), minisignFingerprint: '12345 67890 12345 67890 12345 67890', date: '2026-12-05' };
  const sig = 'untrusted comment: x\nRUQ\ntrusted comment: y\nAAAA\n';

  test('round-trips, with CRLF line ends and a BOM too', () => {
    const text = keyCardText(keyCardBody(fields), sig);
    const p = parseKeyCard(text);
    expect(p).toEqual({ ok: true, fields, body: keyCardBody(fields), signature: sig });
    expect(parseKeyCard(`\uFEFF${text.replace(/\n/g, '\r\n')}`)).toEqual(p);
  });

  test.each<[string, string, RegExp]>([
    ['no signature', keyCardBody(fields), /缺少签名段/],
    ['a field missing', keyCardText(keyCardBody(fields).replace(/court-name: .*\n/, ''), sig), /缺少：court-name/],
    ['a field twice', keyCardText(keyCardBody(fields).replace('date:', 'court-code: 辽0422\ndate:'), sig), /无法识别的行/],
    ['another version', keyCardText(keyCardBody(fields).replace('courtdesk-key-card: 1', 'courtdesk-key-card: 2'), sig), /版本不受支持/],
    ['a bad level', keyCardText(keyCardBody(fields).replace('level: basic', 'level: high'), sig), /level/],
    ['an intermediate card without its age key', keyCardText(keyCardBody({ ...fields, level: 'intermediate' }), sig), /age-recipient/],
    ['a bad date', keyCardText(keyCardBody({ ...fields, date: '5.12.2026' }), sig), /日期/],
  ])('refuses %s', (_name, text, message) => {
    const p = parseKeyCard(text);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message).toMatch(message);
  });

  test('a field with a line break cannot be written', () => {
    expect(() => keyCardBody({ ...fields, courtName: 'a\nlevel: intermediate' })).toThrow();
  });
});
