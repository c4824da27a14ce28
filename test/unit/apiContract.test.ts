// The API as the domains declare it: one contract composed from the domains, a name declared or served twice
// refused at start, every call served by exactly one domain, and access declared once (public calls derived).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API, API_METHODS, PUBLIC_METHODS } from '../../shared/api/contract';
import { combineCalls, defineCalls, returns } from '../../shared/api/define';
import { ACTIONS } from '../../shared/accounts/roles';
import { combineDomains, createDomain } from '../../electron/core/kernel/domain';
import { DOMAINS } from '../../electron/core/domains';

const a = defineCalls({ 'x.one': { args: z.object({}), access: 'public', result: returns<number>() } });
const b = defineCalls({ 'x.two': { args: z.object({}), access: 'signedIn', result: returns<string>() } });
const dup = defineCalls({ 'x.one': { args: z.object({}), access: 'cases.view', result: returns<number>() } });

describe('declaring calls', () => {
  it('combines the domains and refuses a name declared twice', () => {
    expect(Object.keys(combineCalls(a, b))).toEqual(['x.one', 'x.two']);
    expect(() => combineCalls(a, b, dup)).toThrow('API call declared twice: x.one');
  });

  it('refuses a call served by two domains, a call no domain serves, and a domain serving another declaration', () => {
    const contract = combineCalls(a, b);
    const one = createDomain('one', a, () => ({ 'x.one': () => 1 }));
    const two = createDomain('two', b, () => ({ 'x.two': () => 'two' }));
    const again = createDomain('again', a, () => ({ 'x.one': () => 2 }));
    const stranger = createDomain('stranger', dup, () => ({ 'x.one': () => 3 }));
    expect(() => combineDomains([one, two, again], contract)).toThrow('x.one is served by two domains: one and again');
    expect(() => combineDomains([one], contract)).toThrow('API calls without a domain: x.two');
    expect(() => combineDomains([stranger, two], contract)).toThrow("x.one of domain stranger is not the contract's declaration");
    const routes = combineDomains([one, two], contract)({});
    expect([...routes.keys()]).toEqual(['x.one', 'x.two']);
    expect(routes.get('x.two')).toMatchObject({ domain: 'two', spec: { access: 'signedIn' } });
  });
});

describe('the contract', () => {
  it('is served by the core domains, each call by exactly one', () => {
    const served = DOMAINS.flatMap((d) => Object.keys(d.calls));
    expect(served.sort()).toEqual([...API_METHODS].sort());
    expect(new Set(served).size).toBe(served.length);
  });

  it('holds the empty slots of the next capabilities as domains of their own', () => {
    expect(DOMAINS.map((d) => d.name)).toEqual(expect.arrayContaining(['extensions', 'indicators', 'exchange']));
  });

  it('declares for every call a schema and an access the dispatcher knows', () => {
    const known = new Set<string>(['public', 'locked', 'ownAccount', 'signedIn', 'commandLine', ...ACTIONS]);
    for (const m of API_METHODS) {
      expect(known.has(API[m].access), m).toBe(true);
      expect(API[m].args.safeParse, m).toBeTypeOf('function');
    }
  });

  it('derives the calls answered without a session from their declared access', () => {
    expect([...PUBLIC_METHODS].sort()).toEqual(['auth.setup', 'auth.signIn', 'auth.signOut', 'auth.status', 'startup.restoreLatest', 'startup.status']);
  });

  it('names every call <domain>.<verb>', () => {
    for (const m of API_METHODS) expect(m).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });
});
