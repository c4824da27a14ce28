// Key fingerprints: SHA-256 over a label, the key's type and its full public key; hex for files, digit groups for the phone.
import { sha256 } from '@noble/hashes/sha2.js';

export type KeyType = 'minisign-ed25519' | 'age-x25519';

const LABEL = 'courtdesk.key-fingerprint.v1';

/**
 * hex: the 64 hex digits written in manifests and files; digits: 6 groups of 5 decimal digits read aloud over the
 * phone (6 groups of 5 digits: about 100 bits, far past what a forger could match by trying keys).
 */
export function keyFingerprint(type: KeyType, publicKey: Uint8Array): { hex: string; digits: string } {
  const label = new TextEncoder().encode(`${LABEL}\n${type}\n`);
  const input = new Uint8Array(label.length + publicKey.length);
  input.set(label);
  input.set(publicKey, label.length);
  const h = sha256(input);
  const hex = Array.from(h, (b) => b.toString(16).padStart(2, '0')).join('');
  const groups: string[] = [];
  for (let i = 0; i < 6; i++) {
    // 5 bytes per group (40 bits) reduced mod 10^5: the bias is below 1e-7.
    let n = 0;
    for (let j = 0; j < 5; j++) n = n * 256 + h[i * 5 + j];
    groups.push(String(n % 100000).padStart(5, '0'));
  }
  return { hex, digits: groups.join(' ') };
}
