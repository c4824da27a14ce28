// What npm start runs: the Electron shell when its runtime is installed, else the loopback host, with --db and --demo reaching either.
import path from 'node:path';

/**
 * The command, arguments and environment for `npm start -- ARGS`. The loopback host reads its options from the
 * command line (electron/host/hostMain.ts). The Electron shell reads the database from COURTDESK_DB and the demo wish
 * from COURTDESK_DEMO (electron/main/startup.ts): Chromium owns Electron's command line, and an option it does not
 * know would be dropped silently, so --db and --demo are handed over in the environment and the rest is passed on.
 *
 * @param {{ root: string, electron: string | null, args: string[], env: Record<string, string | undefined> }} o
 * @returns {{ command: string, args: string[], env: Record<string, string | undefined> }}
 */
export function launchPlan({ root, electron, args, env }) {
  if (!electron) {
    return { command: process.execPath, args: [path.join(root, 'dist', 'host', 'host.cjs'), ...args], env };
  }
  const childEnv = { ...env };
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--demo') childEnv.COURTDESK_DEMO = '1';
    // Both shells run in the project folder (npm runs scripts there), so a relative path means the same file in each.
    else if (arg === '--db' && i + 1 < args.length) childEnv.COURTDESK_DB = path.resolve(root, args[++i]);
    else if (arg.startsWith('--db=')) childEnv.COURTDESK_DB = path.resolve(root, arg.slice('--db='.length));
    else rest.push(arg);
  }
  return { command: electron, args: [root, ...rest], env: childEnv };
}
