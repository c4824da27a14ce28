// Shared pieces of the end-to-end tests: screenshot folder, window sizes, a seeded court, its demo accounts and signing in.
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { expect, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cli, ensureBuilt, initDb, ROOT } from './cli';
import { tempDir } from './tempDb';
import type { StartedHost } from './host';

/** Where the tests photograph the screens. */
export const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** A common court workstation, and a large screen. */
export const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
] as const;

export interface Viewport {
  width: number;
  height: number;
}

export interface Person {
  name: string;
  password: string;
}

export interface DemoPerson extends Person {
  division: string | null;
}

/** An account as `courtdesk user list --json` shows it. */
export interface ListedUser {
  name: string;
  roles: string[];
  division: string | null;
}

/** Builds dist/ if missing, makes the screenshot folder, and returns a fresh temporary folder for the file's databases. */
export function prepareWork(): ReturnType<typeof tempDir> {
  ensureBuilt();
  mkdirSync(SHOTS, { recursive: true });
  return tempDir();
}

/**
 * Creates a demonstration court database at `file` and seeds it with `cases` generated cases through the command line.
 * With a seed the result is the same every time (the generator is deterministic): the first file of the run to ask
 * for these (today, cases, seed) seeds a template, and the next ones get a copy of it (seeding 5000 cases takes seconds).
 */
export function seededCourt(file: string, options: { today: string; cases: number; seed?: number }): string {
  const templates = options.seed === undefined ? undefined : seedTemplatesDir();
  const template = templates && path.join(templates, `${options.today}-${options.cases}-${options.seed}.sqlite`);
  if (template && existsSync(template)) {
    copyFileSync(template, file);
    chmodSync(file, 0o600);
    return file;
  }
  initDb(file, undefined, { demo: true });
  const seeded = cli(['--db', file, '--today', options.today, 'seed', '--cases', String(options.cases), ...(options.seed === undefined ? [] : ['--seed', String(options.seed)])]);
  expect(seeded.code, seeded.err).toBe(0);
  if (template) {
    // Copied whole then renamed: a template is complete or absent. The command has closed the file (no -wal beside it).
    copyFileSync(file, `${template}.part`);
    renameSync(`${template}.part`, template);
  }
  return file;
}

/** The accounts of a database, read through the command line. */
export function listUsers(db: string): ListedUser[] {
  return cli(['--db', db, '--json', 'user', 'list']).json() as ListedUser[];
}

/**
 * The demo accounts of a seeded database, each with its demo password: `only(role)` is the account holding just that
 * role, `holding(role)` the first holding it among others (leaving out `except`, an account added by the test).
 */
export function demoPeople(db: string) {
  const users = listUsers(db);
  const person = (u: ListedUser | undefined, role: string): DemoPerson => {
    if (!u) throw new Error(`no demo account for ${role}`);
    return { name: u.name, password: `demo-${role}`, division: u.division };
  };
  return {
    users,
    only: (role: string) => person(users.find((u) => u.roles.length === 1 && u.roles[0] === role), role),
    holding: (role: string, except?: string) => person(users.find((u) => u.roles.includes(role) && u.name !== except), role),
    /** The head of a person's own division: the one who gives the opinion on his extension requests. */
    headOf: (p: { division: string | null }) => person(users.find((u) => u.roles.includes('division_head') && u.division === p.division), 'division_head'),
  };
}

/**
 * The host's address with a deep link behind the token ("#token=…&/cases"): the window keeps that address through
 * sign-in, instead of landing on the person's start page (审限预警 for those who may view cases).
 */
export function deepLink(hostUrl: string, address: string): string {
  return `${hostUrl}&${address}`;
}

/** Fills in the sign-in screen already showing on `page` and submits it (without waiting for the result). */
export async function fillSignIn(page: Page, person: Person): Promise<void> {
  await page.getByTestId('signin-name').fill(person.name);
  await page.getByTestId('signin-password').fill(person.password);
  await page.getByTestId('signin-submit').click();
}

export interface SignInOptions {
  /** The window size; 1024×768 unless given. */
  viewport?: Viewport;
  /** The page's locale; zh-CN unless given, null for the browser's own. */
  locale?: string | null;
  acceptDownloads?: boolean;
  /** Collects the page's uncaught errors here. */
  pageErrors?: string[];
  /**
   * The address the window is opened with, kept through sign-in (a deep link): '/cases' unless given, since most
   * files test from the case list; null opens the bare address, so the person lands on his start page.
   */
  at?: string | null;
}

/** Opens a new page on the host, signs `person` in, and waits for the signed-in window. */
export async function signIn(browser: Browser, host: StartedHost, person: Person, options: SignInOptions = {}): Promise<Page> {
  const { viewport = VIEWPORTS[0], locale = 'zh-CN', acceptDownloads, pageErrors, at = '/cases' } = options;
  const page = await browser.newPage({
    viewport,
    ...(locale === null ? {} : { locale }),
    ...(acceptDownloads === undefined ? {} : { acceptDownloads }),
  });
  if (pageErrors) page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(at === null ? host.url : deepLink(host.url, at));
  await fillSignIn(page, person);
  await page.getByTestId('user-badge').waitFor({ timeout: 15_000 });
  return page;
}

/** The text of the element with this test id, '' when it has none. */
export async function textOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent()) ?? '';
}

/** Closes what a file's beforeAll opened, whichever of them it got to. */
export async function tearDown(opened: { browser?: Browser; host?: StartedHost; work?: { cleanup: () => void } }): Promise<void> {
  await opened.browser?.close();
  await opened.host?.stop();
  opened.work?.cleanup();
}

/** The run's folder of seeded templates (test/helpers/e2eGlobalSetup.ts), or undefined outside the e2e project. */
export function seedTemplatesDir(): string | undefined {
  return inject('seedTemplates');
}
