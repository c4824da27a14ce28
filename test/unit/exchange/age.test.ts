// The age primitives against Debian's age 1.1.1 and age-keygen: files either side makes, the other opens; recipients and damage told apart.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  AGE_SCRYPT_LOG2,
  ageDecrypt,
  ageEncrypt,
  ageRecipientOf,
  ageScryptLog2,
  checkAgeRecipient,
  generateAgeIdentity,
  openWithPassphrase,
  parseAgeIdentityFile,
  sealWithPassphrase,
} from '../../../electron/core/exchange/crypto/age';

const PLAIN = new TextEncoder().encode('报送包 payload '.repeat(5000)); // over one 64 KiB chunk

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'courtdesk-age-'));
}

/** age reads a passphrase from the terminal only: `script` gives it one, and the lines are typed after it asks. */
function withTerminal(command: string, lines: string[]) {
  const typed = lines.map((l) => `sleep 0.4; printf '%s\\n' '${l}'`).join('; ');
  return spawnSync('/bin/sh', ['-c', `(${typed}; sleep 0.4) | script -qec "${command}" /dev/null`], { encoding: 'utf8', timeout: 60_000 });
}

describe('age interop with Debian age', () => {
  test('age -d opens what ageEncrypt wrote, with the identity generateAgeIdentity made', async () => {
    const d = dir();
    const { identity, recipient } = await generateAgeIdentity();
    expect(await ageRecipientOf(identity)).toBe(recipient);
    writeFileSync(join(d, 'id.txt'), `# created: test\n# public key: ${recipient}\n${identity}\n`);
    writeFileSync(join(d, 'p.age'), await ageEncrypt(PLAIN, recipient));
    const r = spawnSync('/usr/bin/age', ['-d', '-i', join(d, 'id.txt'), '-o', join(d, 'p.out'), join(d, 'p.age')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(d, 'p.out')).equals(Buffer.from(PLAIN))).toBe(true);
  });

  test('ageDecrypt opens age -r output, with the identity of an age-keygen file', async () => {
    const d = dir();
    expect(spawnSync('/usr/bin/age-keygen', ['-o', join(d, 'key.txt')]).status).toBe(0);
    const identity = parseAgeIdentityFile(readFileSync(join(d, 'key.txt'), 'utf8'));
    expect(identity).toMatch(/^AGE-SECRET-KEY-1/);
    const recipient = spawnSync('/usr/bin/age-keygen', ['-y', join(d, 'key.txt')], { encoding: 'utf8' }).stdout.trim();
    expect(await ageRecipientOf(identity!)).toBe(recipient);
    writeFileSync(join(d, 'p'), PLAIN);
    expect(spawnSync('/usr/bin/age', ['-r', recipient, '-o', join(d, 'p.age'), join(d, 'p')]).status).toBe(0);
    const out = await ageDecrypt(readFileSync(join(d, 'p.age')), identity!);
    expect(out.ok && Buffer.from(out.plaintext).equals(Buffer.from(PLAIN))).toBe(true);
  });

  test('age -d opens a sealWithPassphrase file, and openWithPassphrase opens age -p output', async () => {
    const d = dir();
    writeFileSync(join(d, 's.age'), await sealWithPassphrase(new TextEncoder().encode('secret key text'), 'correct horse 7'));
    const r = withTerminal(`/usr/bin/age -d -o ${join(d, 's.out')} ${join(d, 's.age')}`, ['correct horse 7']);
    expect(readFileSync(join(d, 's.out'), 'utf8'), r.stdout).toBe('secret key text');

    writeFileSync(join(d, 'q'), 'made by age -p');
    withTerminal(`/usr/bin/age -p -o ${join(d, 'q.age')} ${join(d, 'q')}`, ['battery staple 9', 'battery staple 9']);
    const opened = await openWithPassphrase(readFileSync(join(d, 'q.age')), 'battery staple 9');
    expect(opened.ok && new TextDecoder().decode(opened.plaintext)).toBe('made by age -p');
  }, 60_000);
});

describe('age failures are told apart', () => {
  test('a wrong identity is the wrong recipient; a changed byte, a cut or an appended byte is damage', async () => {
    const a = await generateAgeIdentity();
    const b = await generateAgeIdentity();
    const ct = await ageEncrypt(PLAIN, a.recipient);
    expect(await ageDecrypt(ct, b.identity)).toEqual({ ok: false, reason: 'wrongRecipient' });
    const headerEnd = Buffer.from(ct).indexOf('\n---') + 50;
    const damaged: Array<[string, Uint8Array]> = [
      ['a chunk byte', Uint8Array.from(ct, (v, i) => (i === ct.length - 100 ? v ^ 1 : v))],
      ['cut at the first chunk boundary', ct.slice(0, headerEnd + 16 + 65536 + 16)],
      ['a byte appended', Uint8Array.from([...ct, 0])],
      ['the header MAC', Uint8Array.from(ct, (v, i) => (i === headerEnd - 10 ? v ^ 1 : v))],
      ['empty', new Uint8Array(0)],
    ];
    for (const [name, bytes] of damaged) expect(await ageDecrypt(bytes, a.identity), name).toEqual({ ok: false, reason: 'damaged' });
    expect((await ageDecrypt(ct, a.identity)).ok).toBe(true);
  });

  test('a wrong passphrase is told apart from a damaged file', async () => {
    const sealed = await sealWithPassphrase(new TextEncoder().encode('x'), 'right one');
    expect(await openWithPassphrase(sealed, 'wrong one')).toEqual({ ok: false, reason: 'wrongPassphrase' });
    expect(await openWithPassphrase(sealed.slice(0, sealed.length - 1), 'right one')).toEqual({ ok: false, reason: 'damaged' });
    expect((await openWithPassphrase(sealed, 'right one')).ok).toBe(true);
  });

  test('the passphrase work factor is 18 outside a test run, lowered only when a test asks', () => {
    expect(AGE_SCRYPT_LOG2).toBe(18);
    expect(ageScryptLog2({})).toBe(18);
    expect(ageScryptLog2({ COURTDESK_TEST_SCRYPT_LOG2: '10' })).toBe(18);
    expect(ageScryptLog2({ VITEST: 'true', COURTDESK_TEST_SCRYPT_LOG2: '10' })).toBe(10);
    expect(ageScryptLog2({ VITEST: 'true', COURTDESK_TEST_SCRYPT_LOG2: '30' })).toBe(18);
  });
});

describe('recipients and identity files', () => {
  test('checkAgeRecipient: a checksum typo, a post-quantum key, an SSH key, garbage', async () => {
    const { recipient } = await generateAgeIdentity();
    expect(checkAgeRecipient(` ${recipient}\n`)).toEqual({ ok: true, recipient });
    expect(checkAgeRecipient(recipient.toUpperCase())).toEqual({ ok: true, recipient });
    const i = 20;
    const typo = recipient.slice(0, i) + (recipient[i] === 'q' ? 'p' : 'q') + recipient.slice(i + 1);
    const cases: Array<[string, string]> = [
      [typo, 'checksum'],
      [`age1pq1${'q'.repeat(1950)}`, 'postQuantum'],
      ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl court@it', 'ssh'],
      ['ssh-rsa AAAAB3NzaC1yc2E', 'ssh'],
      ['', 'format'],
      ['age1', 'format'],
      [recipient.slice(0, -1), 'checksum'],
      ['age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqbI', 'format'],
      ['RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3', 'format'],
    ];
    for (const [text, reason] of cases) {
      const c = checkAgeRecipient(text);
      expect(c.ok ? 'ok' : c.reason, text).toBe(reason);
      if (!c.ok) expect(c.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('parseAgeIdentityFile takes the one key line of an age-keygen file and refuses anything else', async () => {
    const { identity } = await generateAgeIdentity();
    expect(parseAgeIdentityFile(`# created: 2026-01-01\r\n# public key: age1x\r\n${identity}\r\n`)).toBe(identity);
    const typo = identity.slice(0, 30) + (identity[30] === 'Q' ? 'P' : 'Q') + identity.slice(31);
    for (const text of ['', '# only a comment', typo, `${identity}\n${identity}`, identity.toLowerCase().replace('age-secret-key-1', 'x'), 'AGE-SECRET-KEY-PQ-1QQQQ']) {
      expect(parseAgeIdentityFile(text), text).toBeNull();
    }
  });
});
