// What a handler knows about the call it answers: who is signed in, which cases they may see, and the session verbs.
import type { ApiMethod, ApiResponse } from '../../../shared/api/contract';
import type { CaseScope } from '../../../shared/accounts/roles';
import type { Person } from '../accounts/accountStore';
import type { Session } from '../accounts/sessions';

/** What the transport knows about the caller. */
export interface CallerContext {
  /** The session token it carries (a cookie on the loopback host, the window's id in Electron, the command's own). */
  session?: string;
  /**
   * Set only by the command line, which runs in-process: one sign-in per command, not recorded as a session start (so
   * a command refused for its input leaves the file as it was), and the calls declared 'commandLine', open to whoever
   * runs a command on this machine, since he holds the database file anyway. A transport never sets it from a request.
   */
  commandLine?: boolean;
  /** The operating-system account running the command line, which audit entries name when nobody signed in. */
  osUser?: string;
}

export interface CallContext {
  readonly method: ApiMethod;
  readonly session: Session | null;
  /** The signed-in person; null only in calls whose access is public. */
  readonly person: Person | null;
  /** The name audit entries carry: the signed-in person's, or （未登录） for a public call. */
  readonly actor: string;
  /** Which cases the person sees and acts on (shared/accounts/roles.ts). */
  readonly scope: CaseScope;
  /** The call came from the command line on this machine (CallerContext.commandLine). */
  readonly commandLine: boolean;
  startSession(person: Person): void;
  endSession(): void;
  /** Refuses the call as FORBIDDEN and writes the refusal to the audit log. */
  deny(message: string): never;
}

/** The host keeps or forgets the session token; the token itself never reaches the page. */
export type SessionDirective = { set: string } | { clear: true };

export type CoreResponse = ApiResponse<unknown> & { session?: SessionDirective };

/** What every shell calls: the dispatcher, or the runtime that holds it across restores. */
export interface ApiCaller {
  call(method: string, args: unknown, caller?: CallerContext): Promise<CoreResponse>;
}
