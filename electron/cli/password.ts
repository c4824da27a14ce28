// Reads a password for the command line: COURTDESK_PASSWORD, else a prompt that does not echo, else a line on stdin; and the keys' passphrase.
import { createInterface } from 'node:readline';

export async function readPassword(prompt: string): Promise<string | null> {
  const fromEnv = process.env.COURTDESK_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  if (process.stdin.isTTY) return promptHidden(prompt);
  return readLine();
}

/**
 * The new password for `courtdesk password`: COURTDESK_NEW_PASSWORD, else asked twice at a terminal prompt (a typo
 * would lock the person out of his own account). Without a terminal the variable is the only way: stdin already
 * gave the current password.
 */
export async function readNewPassword(): Promise<string | null> {
  const fromEnv = process.env.COURTDESK_NEW_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) return null;
  const first = await promptHidden('新口令：');
  if (first === null) return null;
  const again = await promptHidden('再次输入新口令：');
  if (again !== first) {
    process.stderr.write('两次输入的新口令不一致\n');
    return null;
  }
  return first;
}

function readLine(): Promise<string | null> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!done) resolve(null);
    });
  });
}

function promptHidden(prompt: string): Promise<string | null> {
  return new Promise((resolve) => {
    process.stderr.write(prompt);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          process.stderr.write('\n');
          resolve(null);
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * The passphrase that seals or opens the exchange keys: COURTDESK_PASSPHRASE, else a terminal prompt that does not
 * echo, asked twice when it seals a new key (a typo would lock the court out of its own key). No terminal and no
 * variable: null, since stdin may already have given the password.
 */
export async function readPassphrase(confirm: boolean): Promise<string | null> {
  const fromEnv = process.env.COURTDESK_PASSPHRASE;
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) return null;
  const first = await promptHidden('密钥口令：');
  if (first === null || !confirm) return first;
  const again = await promptHidden('再次输入密钥口令：');
  if (again !== first) {
    process.stderr.write('两次输入的密钥口令不一致\n');
    return null;
  }
  return first;
}
