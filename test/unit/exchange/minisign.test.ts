// The minisign primitives against Debian's minisign 0.11: each verifies the other's signatures, and every line of a signature is checked.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  encodeMinisignSecretKeyFile,
  generateMinisignKey,
  minisignPublicKeyFile,
  minisignPublicKeyLine,
  minisignSign,
  minisignVerify,
  parseMinisignPublicKey,
  parseMinisignSecretKeyFile,
} from '../../../electron/core/exchange/crypto/minisign';

const MESSAGE = new TextEncoder().encode('{"formatVersion":1,"sequence":7}');

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'courtdesk-minisign-'));
}

function minisign(args: string[]) {
  return spawnSync('/usr/bin/minisign', args, { encoding: 'utf8', input: '' });
}

describe('minisign interop with Debian minisign', () => {
  test('minisign -V verifies our signature with our public key line', () => {
    const d = dir();
    const k = generateMinisignKey();
    writeFileSync(join(d, 'm'), MESSAGE);
    writeFileSync(join(d, 'm.minisig'), minisignSign(MESSAGE, k, 'courtdesk 辽0421 seq 7'));
    const r = minisign(['-Vm', join(d, 'm'), '-P', minisignPublicKeyLine(k)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Trusted comment: courtdesk 辽0421 seq 7');
    // And with the .pub file we write.
    writeFileSync(join(d, 'k.pub'), minisignPublicKeyFile(k));
    expect(minisign(['-Vm', join(d, 'm'), '-p', join(d, 'k.pub')]).status).toBe(0);
    // A changed message is refused by minisign too, so the check above can fail.
    writeFileSync(join(d, 'm'), 'other');
    expect(minisign(['-Vm', join(d, 'm'), '-P', minisignPublicKeyLine(k)]).status).not.toBe(0);
  });

  test('we verify minisign -S signatures made with a key from minisign -G -W', () => {
    const d = dir();
    const g = minisign(['-G', '-W', '-p', join(d, 'k.pub'), '-s', join(d, 'k.key')]);
    expect(g.status).toBe(0);
    writeFileSync(join(d, 'm'), MESSAGE);
    expect(minisign(['-S', '-s', join(d, 'k.key'), '-m', join(d, 'm'), '-t', 'made by minisign']).status).toBe(0);
    const pub = parseMinisignPublicKey(readFileSync(join(d, 'k.pub'), 'utf8'));
    expect(pub).not.toBeNull();
    expect(minisignVerify(MESSAGE, readFileSync(join(d, 'm.minisig'), 'utf8'), pub!)).toEqual({ ok: true, trustedComment: 'made by minisign' });
    // The secret key file minisign wrote unencrypted reads back as the same key.
    const sk = parseMinisignSecretKeyFile(readFileSync(join(d, 'k.key'), 'utf8'));
    expect(sk && Buffer.from(sk.publicKey).equals(Buffer.from(pub!.publicKey))).toBe(true);
  });

  test('minisign -S signs with our unencrypted secret key file', () => {
    const d = dir();
    const k = generateMinisignKey();
    writeFileSync(join(d, 'k.key'), encodeMinisignSecretKeyFile(k));
    writeFileSync(join(d, 'm'), MESSAGE);
    const s = minisign(['-S', '-s', join(d, 'k.key'), '-m', join(d, 'm'), '-t', 'by our key file']);
    expect(s.status).toBe(0);
    expect(minisignVerify(MESSAGE, readFileSync(join(d, 'm.minisig'), 'utf8'), k)).toEqual({ ok: true, trustedComment: 'by our key file' });
  });
});

describe('minisign formats', () => {
  test('keys round-trip through their text forms; damaged ones are refused', () => {
    const k = generateMinisignKey();
    expect(minisignPublicKeyLine(k)).toMatch(/^RW[Q-T]/);
    const line = parseMinisignPublicKey(minisignPublicKeyLine(k))!;
    expect(Buffer.from(line.publicKey).equals(Buffer.from(k.publicKey)) && Buffer.from(line.keyId).equals(Buffer.from(k.keyId))).toBe(true);
    expect(parseMinisignPublicKey(minisignPublicKeyFile(k))).not.toBeNull();
    const file = encodeMinisignSecretKeyFile(k);
    expect(Buffer.from(parseMinisignSecretKeyFile(file)!.secretKey).equals(Buffer.from(k.secretKey))).toBe(true);
    const bad = file.split('\n');
    const body = Buffer.from(bad[1], 'base64');
    body[70] ^= 1; // a secret key byte: the checksum no longer matches
    expect(parseMinisignSecretKeyFile(`${bad[0]}\n${body.toString('base64')}\n`)).toBeNull();
    for (const text of ['', 'RWQ', 'untrusted comment: x\nnot base64!', `${minisignPublicKeyLine(k)}x`, 'hello\n' + minisignPublicKeyLine(k)]) {
      expect(parseMinisignPublicKey(text), text).toBeNull();
    }
  });

  test('a change in each line of a signature: the untrusted comment is not signed, every other line is', () => {
    const k = generateMinisignKey();
    const sig = minisignSign(MESSAGE, k, 'trusted text', 'untrusted text').split('\n');
    const flipB64 = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
    const variant = (i: number, line: string) => sig.map((l, j) => (j === i ? line : l)).join('\n');
    const cases: Array<[string, string, string]> = [
      ['untrusted comment changed', variant(0, 'untrusted comment: something else'), 'ok'],
      ['signature algorithm changed to legacy Ed', variant(1, Buffer.concat([Buffer.from('Ed'), Buffer.from(sig[1], 'base64').subarray(2)]).toString('base64')), 'algorithm'],
      ['key id byte changed', variant(1, flipB64(sig[1], 5)), 'keyId'],
      ['signature byte changed', variant(1, flipB64(sig[1], 40)), 'signature'],
      ['trusted comment changed', variant(2, 'trusted comment: trusted texT'), 'trustedComment'],
      ['global signature byte changed', variant(3, flipB64(sig[3], 20)), 'trustedComment'],
      ['trusted comment label removed', variant(2, 'trusted text'), 'malformed'],
      ['a line missing', sig.filter((_, j) => j !== 3).join('\n'), 'malformed'],
      ['not base64', variant(1, '!!!!'), 'malformed'],
    ];
    for (const [name, text, want] of cases) {
      const v = minisignVerify(MESSAGE, text, k);
      expect(v.ok ? 'ok' : v.reason, name).toBe(want);
    }
    const msg2 = new Uint8Array(MESSAGE);
    msg2[3] ^= 1;
    expect(minisignVerify(msg2, sig.join('\n'), k)).toEqual({ ok: false, reason: 'signature' });
  });

  test('another key: same key id but another public key is a bad signature; another key id is named as such', () => {
    const k = generateMinisignKey();
    const other = generateMinisignKey();
    const sig = minisignSign(MESSAGE, k, 't');
    expect(minisignVerify(MESSAGE, sig, { keyId: k.keyId, publicKey: other.publicKey })).toEqual({ ok: false, reason: 'signature' });
    expect(minisignVerify(MESSAGE, sig, other)).toEqual({ ok: false, reason: 'keyId' });
    // A forger who copies the key id and signs with his own key is refused too.
    const forged = minisignSign(MESSAGE, { ...other, keyId: k.keyId }, 't');
    expect(minisignVerify(MESSAGE, forged, k)).toEqual({ ok: false, reason: 'signature' });
  });

  test('comments with a line break cannot be signed', () => {
    const k = generateMinisignKey();
    expect(() => minisignSign(MESSAGE, k, 'a\nb')).toThrow();
    expect(() => minisignSign(MESSAGE, k, 'a', 'b\nc')).toThrow();
  });
});
