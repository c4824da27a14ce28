// The accounts domain's calls: signing in and out, the idle lock, passwords, and the administrator's accounts list.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { empty, password, personName } from '../api/fields';
import { ROLES, type Action, type CaseScope, type Role } from './roles';

export interface SignedInUser {
  name: string;
  roles: Role[];
  division: string | null;
  /** What the person may do (shared/accounts/roles.ts), so the window hides what would be refused anyway. */
  permissions: Action[];
  /** e.g. 本人承办的案件 */
  scope: string;
  /**
   * Which cases the core lets this person read (caseScope, the one the dispatcher applies to every call): own, his
   * division's (named by division), all, or none. The window says whose cases a list shows from it.
   */
  scopeKind: CaseScope['kind'];
  /** The judges an assistant serves (账号管理 · 对应法官): the window offers 申请延长审限 on their cases only. */
  servesJudges: string[];
  mustChangePassword: boolean;
}

export interface DemoAccount {
  name: string;
  roles: Role[];
  password: string;
}

export interface AuthStatus {
  /** No account exists yet: the window asks for the court and the first administrator. */
  setupNeeded: boolean;
  courtCode: string | null;
  courtName: string | null;
  demo: boolean;
  /** Only on a demonstration database: one account per role, with its password. */
  demoAccounts: DemoAccount[];
  user: SignedInUser | null;
  /** Signed in, but idle too long: the password unlocks. */
  locked: boolean;
  idleLockMinutes: number;
}

export interface UserView {
  name: string;
  roles: Role[];
  division: string | null;
  active: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  /** For an assistant (法官助理): the judges he serves, for whom he may ask an extension. */
  judges: string[];
}

/** An account just created or reset: with the temporary password when the core chose it (shown once, never stored). */
export type UserWithPassword = UserView & { temporaryPassword: string | null };

const roleSchema = z.enum(ROLES);
/** Hashing or checking a password with scrypt takes 100–250 ms by design (README: Accounts and roles). */
const SCRYPT = 'scrypt';

export const accountsApi = defineCalls({
  'auth.status': { args: empty, access: 'public', result: returns<AuthStatus>() },
  'auth.setup': {
    args: z.object({
      courtCode: z.string().trim().min(1, '请输入法院代码').max(10),
      courtName: z.string().trim().min(1, '请输入法院名称').max(50),
      adminName: personName,
      password,
      /** A demonstration database, marked 演示数据 from the start: the only kind that may be filled with synthetic cases. */
      demo: z.boolean().default(false),
      /** A basic or an intermediate court; not given: as the court code says (province and two digits: intermediate). */
      level: z.enum(['basic', 'intermediate'], { error: '法院级别应为 basic（基层法院）或 intermediate（中级法院）' }).optional(),
    }).strict(),
    access: 'public',
    slowByDesign: SCRYPT,
    result: returns<SignedInUser>(),
  },
  'auth.signIn': { args: z.object({ name: personName, password }).strict(), access: 'public', slowByDesign: SCRYPT, result: returns<SignedInUser>() },
  'auth.unlock': { args: z.object({ password }).strict(), access: 'locked', slowByDesign: SCRYPT, result: returns<SignedInUser>() },
  'auth.signOut': { args: empty, access: 'public', result: returns<{ signedOut: true }>() },
  'auth.changePassword': { args: z.object({ oldPassword: password, newPassword: password }).strict(), access: 'ownAccount', slowByDesign: SCRYPT, result: returns<{ changed: true }>() },
  'users.list': { args: empty, access: 'accounts.manage', result: returns<UserView[]>() },
  'users.add': {
    // Without a password the core makes a temporary one and answers it once (the command line's way).
    args: z.object({ name: personName, roles: z.array(roleSchema).min(1, '至少选择一个角色').max(ROLES.length), division: z.string().trim().max(50).optional(), password: password.optional() }).strict(),
    access: 'accounts.manage',
    slowByDesign: SCRYPT,
    result: returns<UserWithPassword>(),
  },
  // An assistant serves one or more judges: he may then ask for an extension on their cases, for them.
  'users.setJudges': {
    args: z.object({ name: personName, judges: z.array(personName).max(20, '一名法官助理最多对应 20 名法官') }).strict(),
    access: 'accounts.manage',
    result: returns<UserView>(),
  },
  'users.setActive': { args: z.object({ name: personName, active: z.boolean() }).strict(), access: 'accounts.manage', result: returns<UserView>() },
  // Whoever holds the database file could rewrite it anyway: on this machine's command line he may lift a lockout,
  // so that five wrong guesses by anyone who reaches the sign-in never shut the court out.
  'users.unlock': { args: z.object({ name: personName }).strict(), access: 'commandLine', result: returns<UserView>() },
  'users.resetPassword': { args: z.object({ name: personName, password: password.optional() }).strict(), access: 'accounts.manage', slowByDesign: SCRYPT, result: returns<UserWithPassword>() },
});
