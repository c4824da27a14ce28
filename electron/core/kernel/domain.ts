// A domain of the core: its calls (declared in shared/<domain>/api.ts) and their handlers; domains combined into one
// table of routes, after Actual Budget's createApp / app.combine, refusing a call served twice or not at all.
import type { z } from 'zod';
import type { CallSpec, Calls } from '../../../shared/api/define';
import type { CallContext } from './context';

export type Handler<S extends CallSpec> = (args: z.output<S['args']>, ctx: CallContext) => S['result'] | Promise<S['result']>;
export type Handlers<C extends Calls> = { [M in keyof C]: Handler<C[M]> };

/** One call, ready to dispatch: its declaration and its bound handler. */
export interface Route {
  method: string;
  domain: string;
  spec: CallSpec;
  run: (args: unknown, ctx: CallContext) => unknown;
}

export interface Domain<Services> {
  name: string;
  calls: Calls;
  /** Binds the handlers to the services of one opened core (its database, stores, sessions). */
  bind(services: Services): Route[];
}

/** A domain from its declared calls and a function giving each call its handler. The types make a missing one an error. */
export function createDomain<C extends Calls, Services>(name: string, calls: C, handlers: (services: Services) => Handlers<C>): Domain<Services> {
  return {
    name,
    calls,
    bind(services) {
      const bound = handlers(services) as Record<string, (args: unknown, ctx: CallContext) => unknown>;
      return Object.keys(calls).map((method) => {
        const run = bound[method];
        if (typeof run !== 'function') throw new Error(`domain ${name}: no handler for ${method}`);
        return { method, domain: name, spec: calls[method], run };
      });
    },
  };
}

/**
 * The domains as one table. Stops the program when two domains serve one name, or when the contract and the
 * domains disagree about which calls exist: such a mistake must never reach a user as a call nobody answers.
 */
export function combineDomains<Services>(domains: Domain<Services>[], contract: Calls): (services: Services) => Map<string, Route> {
  const owner = new Map<string, string>();
  for (const d of domains) {
    for (const method of Object.keys(d.calls)) {
      const other = owner.get(method);
      if (other !== undefined) throw new Error(`API call ${method} is served by two domains: ${other} and ${d.name}`);
      owner.set(method, d.name);
      if (contract[method] !== d.calls[method]) throw new Error(`API call ${method} of domain ${d.name} is not the contract's declaration`);
    }
  }
  const unserved = Object.keys(contract).filter((m) => !owner.has(m));
  if (unserved.length) throw new Error(`API calls without a domain: ${unserved.join(', ')}`);
  return (services) => {
    const routes = new Map<string, Route>();
    for (const d of domains) for (const r of d.bind(services)) routes.set(r.method, r);
    return routes;
  };
}
