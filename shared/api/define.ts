// How a domain declares its API calls once: the argument schema, the result type and the access each requires.
import type { z } from 'zod';
import type { Action } from '../accounts/roles';

/**
 * Who may make a call. `public`: anyone who reaches a host (sign-in, start-up screen); `locked`: a signed-in session
 * even while it is idle-locked (unlocking); `ownAccount`: a signed-in person, even one who must first replace a
 * temporary password (changing it); `signedIn`: any signed-in person who has a password of his own; `commandLine`:
 * only the command line on this machine, whose user holds the database file anyway (lifting a lockout); otherwise an
 * action of the role matrix (shared/accounts/roles.ts). The core's one dispatcher checks it for every host.
 */
export type Access = 'public' | 'locked' | 'ownAccount' | 'signedIn' | 'commandLine' | Action;

export interface CallSpec<S extends z.ZodType = z.ZodType, R = unknown> {
  readonly args: S;
  readonly access: Access;
  /**
   * Slow on purpose, and why (e.g. a password hashed with scrypt): the dispatcher does not report it as a slow call,
   * since a warning printed at every sign-in would teach people to ignore the ones that matter.
   */
  readonly slowByDesign?: string;
  /** Carries the result type only; it has no value at run time. */
  readonly result: R;
}

export type Calls = Record<string, CallSpec>;

/** The result type of a call, written `result: returns<CaseListResult>()` beside its schema and access. */
export function returns<R>(): R {
  return undefined as R;
}

/** A domain's calls, named `<domain>.<verb>`. The object is returned as it is: declaring is all there is to it. */
export function defineCalls<const C extends Calls>(calls: C): C {
  return calls;
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** One API from the domains' calls; a name declared twice is a programming error that stops the program at start. */
export function combineCalls<P extends Calls[]>(...parts: P): UnionToIntersection<P[number]> {
  const all: Calls = {};
  for (const part of parts) {
    for (const name of Object.keys(part)) {
      if (Object.prototype.hasOwnProperty.call(all, name)) throw new Error(`API call declared twice: ${name}`);
      all[name] = part[name];
    }
  }
  return Object.freeze(all) as UnionToIntersection<P[number]>;
}
