// Handlers of the accounts domain: sign-in and sessions, the idle lock, passwords, and the administrator's accounts.
import { randomBytes } from 'node:crypto';
import { accountsApi, type SignedInUser, type UserView } from '../../../shared/accounts/api';
import { ACTIONS, can, caseScope, scopeLabel } from '../../../shared/accounts/roles';
import { createDomain } from '../kernel/domain';
import { CoreError, InputError } from '../kernel/errors';
import { getSelfCourt } from '../court/courtStore';
import { initCourt, isDemo } from '../setup/initCourt';
import type { Person } from './accountStore';
import { passwordNameProblem } from '../../../shared/accounts/passwordRules';
import type { CoreServices } from '../app/services';

export function signedInUser(p: Person, servesJudges: string[] = []): SignedInUser {
  const scope = caseScope(p.roles, { staffId: p.staffId, divisionId: p.divisionId });
  return {
    name: p.name,
    roles: p.roles,
    division: p.division,
    permissions: ACTIONS.filter((a) => can(p.roles, a)),
    scope: scopeLabel(scope),
    scopeKind: scope.kind,
    servesJudges,
    mustChangePassword: p.mustChangePassword,
  };
}

export function userView(p: Person, judges: string[] = []): UserView {
  return { name: p.name, roles: p.roles, division: p.division, active: p.active, lockedUntil: p.lockedUntil, mustChangePassword: p.mustChangePassword, judges };
}

/**
 * Unambiguous characters, read aloud or copied from the screen once, changed at the first sign-in. Drawn again in the
 * rare case it spells the holder's (Latin) name, which the password rule refuses.
 */
export function temporaryPassword(name = ''): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  for (;;) {
    const candidate = [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
    if (passwordNameProblem(candidate, name) === null) return candidate;
  }
}

export const accountsDomain = createDomain('accounts', accountsApi, (s: CoreServices) => {
  // The signed-in person as the window holds him; an assistant with the judges he serves.
  const user = (p: Person): SignedInUser => signedInUser(p, p.roles.includes('assistant') ? s.accounts.judgesOf(p.staffId) : []);
  return {
  'auth.status': (_a, ctx) => {
    const court = getSelfCourt(s.db);
    const demo = isDemo(s.db);
    return {
      setupNeeded: s.accounts.count() === 0,
      courtCode: court?.code ?? null,
      courtName: court?.name ?? null,
      demo,
      demoAccounts: demo ? s.accounts.list().filter((p) => p.demoPassword && p.active).map((p) => ({ name: p.name, roles: p.roles, password: p.demoPassword! })) : [],
      user: ctx.person ? user(ctx.person) : null,
      locked: !!ctx.session?.locked,
      idleLockMinutes: s.settings.idleLockMinutes(),
    };
  },
  'auth.setup': (a, ctx) => {
    if (s.accounts.count() > 0) throw new CoreError('CONFLICT', '本院数据库已建立，请用已有账号登录');
    const court = getSelfCourt(s.db);
    if (court && court.code !== a.courtCode) throw new InputError(`数据库属于${court.name}（${court.code}），法院代码不符`, '法院代码');
    if (!court) initCourt(s.db, a.courtCode, a.courtName, a.adminName, a.demo, a.level);
    const person = s.accounts.create({ name: a.adminName, roles: ['admin'], password: a.password, actor: a.adminName });
    ctx.startSession(person);
    return user(person);
  },
  'auth.signIn': (a, ctx) => {
    const r = s.accounts.signIn(a.name, a.password, new Date(), { record: !ctx.commandLine });
    if (!r.ok) throw new CoreError('FORBIDDEN', r.message);
    ctx.startSession(r.person);
    return user(r.person);
  },
  'auth.unlock': (a, ctx) => {
    const r = s.accounts.recheck(ctx.person!.staffId, a.password);
    if (!r.ok) {
      if (r.code !== 'BAD_CREDENTIALS') ctx.endSession();
      // The person is known here: only the password can be wrong.
      throw new CoreError('FORBIDDEN', r.code === 'BAD_CREDENTIALS' ? '口令不正确' : r.message);
    }
    s.sessions.unlock(ctx.session!);
    return user(r.person);
  },
  'auth.signOut': (_a, ctx) => {
    ctx.endSession();
    return { signedOut: true as const };
  },
  'auth.changePassword': (a, ctx) => {
    s.accounts.changePassword(ctx.person!.staffId, a.oldPassword, a.newPassword);
    return { changed: true as const };
  },
  'users.list': () => s.accounts.list().map((p) => userView(p, s.accounts.judgesOf(p.staffId))),
  'users.setJudges': (a, ctx) => {
    const p = s.accounts.setJudges(a.name, a.judges, ctx.actor);
    return userView(p, s.accounts.judgesOf(p.staffId));
  },
  'users.add': (a, ctx) => {
    const chosen = a.password === undefined ? temporaryPassword(a.name) : null;
    const p = s.accounts.create({ name: a.name, roles: a.roles, division: a.division || null, password: a.password ?? chosen!, actor: ctx.actor, mustChange: true });
    return { ...userView(p), temporaryPassword: chosen };
  },
  'users.setActive': (a, ctx) => {
    const p = s.accounts.setActive(a.name, a.active, ctx.actor);
    if (!a.active) s.sessions.endAllOf(p.staffId);
    return userView(p);
  },
  'users.unlock': (a, ctx) => userView(s.accounts.unlock(a.name, ctx.actor)),
  'users.resetPassword': (a, ctx) => {
    const chosen = a.password === undefined ? temporaryPassword(a.name) : null;
    const p = s.accounts.resetPassword(a.name, a.password ?? chosen!, ctx.actor);
    s.sessions.endAllOf(p.staffId);
    return { ...userView(p), temporaryPassword: chosen };
  },
  };
});
