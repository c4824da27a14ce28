// What every command of the command line shares: its shape, its errors, and signing in under the role matrix.
import type { Database } from 'better-sqlite3';
import { AccountStore, type Person } from '../core/accounts/accountStore';
import { Guard } from '../core/accounts/guard';
import { ACTION_LABELS, ROLE_LABELS, can, caseScope, type Action, type CaseScope } from '../../shared/accounts/roles';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export interface GlobalOptions {
  db?: string;
  json: boolean;
  today?: string;
  /** --user or COURTDESK_USER */
  user?: string;
  /** COURTDESK_PASSWORD, a prompt, or a line on stdin; read before the command runs */
  password?: string | null;
}

export type Values = Record<string, string | boolean | undefined>;
export type Io = { out: (s: string) => void; err: (s: string) => void };

export interface CommandSpec {
  positionals: string[];
  /** When the positionals vary (subcommands): the fewest and most accepted. */
  arity?: [number, number];
  options: string[];
  /** What the acting user must be allowed to do; 'none' for init, which creates the first administrator. */
  requires: Action | 'signedIn' | 'none';
  run(g: GlobalOptions, args: string[], v: Values, io: Io): Promise<number>;
}

/**
 * Signs the user in and checks the command's permission, as the app's core does for each call: the same
 * accounts, matrix and audit log. A refusal is written to the audit log and exits 1.
 */
export function authenticate(db: Database, g: GlobalOptions, requires: CommandSpec['requires'], command: string): { person: Person; scope: CaseScope; deny: (m: string) => never } {
  const accounts = new AccountStore(db);
  const guard = new Guard(db);
  if (!g.user) throw new CliError('请用 --user 姓名 或环境变量 COURTDESK_USER 指明操作人', 2);
  if (g.password === null || g.password === undefined) throw new CliError('需要口令：请输入，或通过环境变量 COURTDESK_PASSWORD 提供', 2);
  let r;
  try {
    r = accounts.signIn(g.user, g.password, new Date(), { record: false });
  } catch (err) {
    // A read-only file (a backup being checked) cannot count a failed attempt: the answer is the same refusal.
    if (db.readonly) throw new CliError('姓名或口令不正确', 1);
    throw err;
  }
  if (!r.ok) throw new CliError(r.message, 1);
  const person = r.person;
  const scope = caseScope(person.roles, { staffId: person.staffId, divisionId: person.divisionId });
  const deny = (message: string): never => {
    if (!db.readonly) guard.denied(person.name, `cli:${command}`, message);
    throw new CliError(message, 1);
  };
  if (requires !== 'none' && requires !== 'signedIn' && !can(person.roles, requires)) {
    deny(`${person.name}的角色（${person.roles.map((x) => ROLE_LABELS[x]).join('、') || '无'}）无权${ACTION_LABELS[requires]}`);
  }
  return { person, scope, deny };
}

