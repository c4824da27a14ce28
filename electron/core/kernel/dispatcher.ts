// The one dispatcher behind every host (Electron, loopback, command line, tests): validates the arguments, signs the
// caller in from its session, checks the role matrix, sets the case scope, audits refusals and answers in Chinese.
import type { ApiError, ApiMethod, ApiResponse } from '../../../shared/api/contract';
export type { CoreResponse };
import { ACTION_LABELS, ROLE_LABELS, can, caseScope, type CaseScope } from '../../../shared/accounts/roles';
import type { AccountStore, Person } from '../accounts/accountStore';
import type { Sessions, Session } from '../accounts/sessions';
import type { Guard } from '../accounts/guard';
import type { CallContext, CallerContext, CoreResponse, SessionDirective } from './context';
import type { Route } from './domain';
import { CoreError, failure, toApiError } from './errors';

export interface DispatcherOptions {
  routes: Map<string, Route>;
  sessions: Sessions;
  accounts: AccountStore;
  guard: Guard;
  idleLockMinutes(): number;
  /** Called with the method and milliseconds when a call takes longer than 40 ms (not calls declared slowByDesign). */
  onSlowCall?: (method: string, ms: number) => void;
  /** Where untranslated error detail goes (stderr of the host, the app's log). */
  log?: (line: string) => void;
  /** A better answer for some errors than the general one (a damaged file: which backup to restore). */
  explain?: (err: unknown) => ApiError | null;
}

export type Dispatch = (method: string, args: unknown, caller?: CallerContext) => Promise<CoreResponse>;

const NOBODY = '（未登录）';

export function createDispatcher(o: DispatcherOptions): Dispatch {
  return async (method, args, caller = {}) => {
    const route = typeof method === 'string' ? o.routes.get(method) : undefined;
    if (!route) return failure('UNKNOWN_METHOD', `未知的调用：${String(method).slice(0, 60)}`);
    const parsed = route.spec.args.safeParse(args ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.length ? issue.path.join('.') : undefined;
      const where = field ? `参数“${field}”：` : '';
      return { ok: false, error: { code: 'BAD_ARGS', message: `${where}${issue.message}`, ...(field ? { field } : {}) } };
    }
    let directive: SessionDirective | undefined;
    const found = o.sessions.get(caller.session);
    const known = found ? o.accounts.byStaffId(found.staffId) : null;
    // A disabled account's session answers as signed out, whatever it held before.
    const person: Person | null = known?.active ? known : null;
    const session: Session | null = person ? found : null;
    const scope: CaseScope = person ? caseScope(person.roles, { staffId: person.staffId, divisionId: person.divisionId }) : { kind: 'none' };
    const ctx: CallContext = {
      method: route.method as ApiMethod,
      session,
      person,
      actor: person?.name ?? (caller.commandLine && caller.osUser ? `（本机命令行：${caller.osUser}）` : NOBODY),
      scope,
      commandLine: !!caller.commandLine,
      startSession: (p) => {
        if (caller.session) o.sessions.end(caller.session);
        directive = { set: o.sessions.create(p.staffId).token };
      },
      endSession: () => {
        if (caller.session) o.sessions.end(caller.session);
        directive = { clear: true };
      },
      deny: (message) => {
        o.guard.denied(ctx.actor, route.method, message);
        throw new CoreError('FORBIDDEN', message);
      },
    };
    const access = route.spec.access;
    const started = performance.now();
    try {
      if (access === 'commandLine') {
        if (!caller.commandLine) ctx.deny('该操作只能在本机的命令行中进行');
      } else if (access !== 'public') {
        if (!session || !person) return withSession(failure('SIGNED_OUT', '请先登录'), caller.session ? { clear: true } : undefined);
        if (session.locked && access !== 'locked') return failure('LOCKED', `已超过 ${o.idleLockMinutes()} 分钟未操作，请输入口令解锁`);
        // A temporary password (a new account, a reset) is known to the administrator too: nothing is done with it
        // but replacing it, whichever host the call comes from.
        if (person.mustChangePassword && access !== 'ownAccount' && access !== 'locked') {
          return failure('PASSWORD_CHANGE_REQUIRED', '您的口令是管理员设置的临时口令，须先修改后才能继续（在程序窗口中修改，或运行 courtdesk password）');
        }
        if (access !== 'locked' && access !== 'ownAccount' && access !== 'signedIn' && !can(person.roles, access)) {
          ctx.deny(`您的角色（${person.roles.map((r) => ROLE_LABELS[r]).join('、') || '无'}）无权${ACTION_LABELS[access]}`);
        }
        o.sessions.touch(session);
      }
      const value = await route.run(parsed.data, ctx);
      return withSession({ ok: true, value }, directive);
    } catch (err) {
      const explained = o.explain?.(err);
      if (explained) o.log?.(`${explained.message}：${err instanceof Error ? err.message : String(err)}`);
      return withSession({ ok: false, error: explained ?? toApiError(err, o.log) }, directive);
    } finally {
      const ms = performance.now() - started;
      if (ms > 40 && !route.spec.slowByDesign) o.onSlowCall?.(route.method, ms);
    }
  };
}

function withSession(r: ApiResponse<unknown>, session: SessionDirective | undefined): CoreResponse {
  return session ? { ...r, session } : r;
}
