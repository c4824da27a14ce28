// The loopback host's per-start token: it arrives once in the address (#token=…), then lives in sessionStorage only.
export const TOKEN_STORAGE_KEY = 'courtdesk.token';

const TOKEN_RE = /^[A-Za-z0-9._~+/=-]{8,512}$/;

/**
 * Splits a location hash into the token it carries (if any) and what remains of the hash.
 * "#token=abc" → { token: "abc", rest: "" }; "#token=abc&route=/cases" is not a form we make, but the rest is kept.
 */
export function extractToken(hash: string): { token: string | null; rest: string } {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith('token=')) return { token: null, rest: hash };
  const amp = h.indexOf('&');
  const raw = amp >= 0 ? h.slice('token='.length, amp) : h.slice('token='.length);
  let token: string | null;
  try {
    token = decodeURIComponent(raw);
  } catch {
    token = null;
  }
  const rest = amp >= 0 ? h.slice(amp + 1) : '';
  return { token: token && TOKEN_RE.test(token) ? token : null, rest: rest ? `#${rest}` : '' };
}

export interface TokenEnv {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url?: string | URL | null): void };
  sessionStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
}

/**
 * Reads the token at start-up: takes it from the hash (and removes it from the address bar and the history entry),
 * or from sessionStorage after a reload. Returns null when there is none.
 */
export function takeToken(env: TokenEnv): string | null {
  const { token, rest } = extractToken(env.location.hash);
  if (env.location.hash.replace(/^#/, '').startsWith('token=')) {
    // Nothing but the token: the start (#/), so the window opens on the signed-in person's start page (router/start.ts).
    env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}${rest || '#/'}`);
  }
  if (token) {
    try {
      env.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
    } catch {
      // Storage refused (private mode): the token still works for this page's life.
    }
    return token;
  }
  try {
    return env.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}
