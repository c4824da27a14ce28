// End to end: case work in the window, as clerks, judges and a division head do it on a seeded demonstration court:
// registering (each mistake told beside its box), periods and suspension moving the due date, conversion, closing with
// and without the court's 阅核 / 类案检索 rules, appeals, reopening, 先行调解 with a consented extension, editing with
// its history, linked 诉前调 cases, saved filters per person, sorting headers; every new screen and dialog
// photographed at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ADMIN, cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, textOf, VIEWPORTS, SHOTS, type DemoPerson as Person } from '../helpers/e2e';

const TODAY = '2026-11-23';
const YEAR = 2026;
type Viewport = (typeof VIEWPORTS)[number];

let work: ReturnType<typeof tempDir>;
let db: string;
let host: StartedHost;
let browser: Browser;
let clerk: Person;
let judge: Person;
let head: Person;
/** Cases this file registers or picks, by what they are used for. */
const cases: Record<string, string> = {};
const pageErrors: string[] = [];

/** The command line as one of the demo accounts. */
function as(p: Person, args: string[]) {
  return cli(['--db', db, '--today', TODAY, ...args], { COURTDESK_USER: p.name, COURTDESK_PASSWORD: p.password });
}

interface ListedCase {
  caseNumber: string;
  typeCode: string;
  status: string;
  filedOn: string;
  procedure: string | null;
}

function listed(p: Person, args: string[]): ListedCase[] {
  const r = as(p, ['--json', 'cases', ...args, '--limit', '2000']);
  expect(r.code, r.err).toBe(0);
  return r.json() as ListedCase[];
}

/**
 * Registers a case through the command line (the same call the form makes), for the tests that start from one: the
 * next free number of the year, looked up court-wide by the filing clerk, registered by `p`.
 */
function addCase(p: Person, typeCode: string, fields: string[]): string {
  const numbers = listed(clerk, ['--search', `（${YEAR}）辽0421${typeCode}`])
    .filter((c) => c.typeCode === typeCode && c.caseNumber.startsWith(`（${YEAR}）`))
    .map((c) => Number(/(\d+)号$/.exec(c.caseNumber)![1]));
  const number = `（${YEAR}）辽0421${typeCode}${Math.max(0, ...numbers) + 1}号`;
  const r = as(p, ['case', 'add', number, ...fields]);
  expect(r.code, r.err).toBe(0);
  return number;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  work = prepareWork();
  db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 5000, seed: 11 });
  const demo = demoPeople(db);
  clerk = demo.only('clerk');
  judge = demo.only('judge');
  head = demo.holding('division_head');
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

const signedIn = (p: Person | typeof ADMIN, viewport: Viewport = VIEWPORTS[0]) => signIn(browser, host, p, { viewport, pageErrors });

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

async function openCase(page: Page, caseNumber: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/case/${encodeURIComponent(caseNumber)}`);
  await page.getByTestId('deadline-box').waitFor({ timeout: 15_000 });
  await expect.poll(() => page.locator('.case-title h1').textContent()).toBe(caseNumber);
}

/** A box of the registration form, and its message read inside that box's own field (beside it, not elsewhere). */
const box = (page: Page, f: string) => page.getByTestId(`case-form-${f}`);
const fieldError = (page: Page, testId: string): Locator => page.locator(`[data-field="${testId}"]`).getByTestId(`${testId}-error`);
const errorText = async (page: Page, testId: string) => ((await fieldError(page, testId).count()) ? ((await fieldError(page, testId).textContent()) ?? '') : '');

const due = (page: Page) => textOf(page, 'deadline-due');

describe('registration (新增案件)', () => {
  it.each(VIEWPORTS)('a clerk is told each mistake beside its box, then registers the case and is offered the next number ($width)', async (viewport) => {
    const w = viewport.width;
    const page = await signedIn(clerk, viewport);
    try {
      await page.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
      await page.getByTestId('case-new').click();
      await page.getByTestId('case-form').waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('case-form-caseNumber');
      await shot(page, `60-cw-register-empty-clerk-${w}`);

      // Another court's code, and a number already registered: the core's answer beside the number, as it is typed.
      await box(page, 'caseNumber').fill(`(${YEAR})辽9999民初1号`);
      await expect.poll(() => errorText(page, 'case-form-caseNumber'), { timeout: 10_000 }).toContain('本院代码为辽0421');
      const taken = listed(clerk, ['--search', '民初'])[0].caseNumber;
      await box(page, 'caseNumber').fill(taken.replace('（', '(').replace('）', ')'));
      await expect.poll(() => errorText(page, 'case-form-caseNumber'), { timeout: 10_000 }).toContain('已登记');
      await box(page, 'caseNumber').fill('2026民初');
      await box(page, 'caseNumber').press('Tab');
      await expect.poll(() => errorText(page, 'case-form-caseNumber')).toContain('格式不正确');

      await box(page, 'filedOn').fill(`${YEAR}-02-30`);
      await box(page, 'filedOn').press('Tab');
      expect(await errorText(page, 'case-form-filedOn')).toBe('日期无效，应如 2024-01-05');
      await box(page, 'claimAmount').fill('十二万');
      await box(page, 'claimAmount').press('Tab');
      expect(await errorText(page, 'case-form-claimAmount')).toBe('请输入金额（元），如 12000 或 12000.50');
      await box(page, 'plaintiffs').fill('某'.repeat(101));
      await box(page, 'plaintiffs').press('Tab');
      expect(await errorText(page, 'case-form-plaintiffs')).toContain('当事人名称最多 100 个字');
      await box(page, 'originCaseNumber').fill('原审1号');
      await box(page, 'originCaseNumber').press('Tab');
      expect(await errorText(page, 'case-form-originCaseNumber')).toContain('原审案号');
      // Saving with boxes still empty: each says what it needs, and the first wrong box gets the focus.
      await page.getByTestId('case-form-save').click();
      expect(await errorText(page, 'case-form-cause')).toBe('请选择或填写案由');
      expect(await errorText(page, 'case-form-division')).toBe('请选择承办部门');
      expect(await errorText(page, 'case-form-judge')).toBe('请选择承办法官');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('case-form-caseNumber');
      await shot(page, `61-cw-register-errors-clerk-${w}`);

      // Now right, keyboard first: the next number of its type, the cause from the catalogue, names split by 、 and Enter.
      await page.getByTestId('case-form-next-民初').click();
      await page.getByTestId('case-form-caseNumber-ok').waitFor({ timeout: 10_000 });
      const number = await box(page, 'caseNumber').inputValue();
      expect(number).toMatch(new RegExp(`^（${YEAR}）辽0421民初\\d+号$`));
      expect(await errorText(page, 'case-form-caseNumber')).toBe('');
      expect(await box(page, 'procedure').inputValue()).toBe('普通程序');
      await box(page, 'cause').fill('借贷');
      await page.getByTestId('case-form-cause-option').filter({ hasText: '民间借贷纠纷' }).waitFor({ timeout: 10_000 });
      await shot(page, `62-cw-register-cause-list-clerk-${w}`);
      await box(page, 'cause').press('ArrowDown');
      await box(page, 'cause').press('Enter');
      expect(await box(page, 'cause').inputValue()).toBe('民间借贷纠纷');
      expect(await page.getByTestId('case-form-cause-catalog').textContent()).toContain('民事案件案由规定');
      await box(page, 'filedOn').fill(`${YEAR}/10/15`);
      await box(page, 'filedOn').press('Tab');
      expect(await box(page, 'filedOn').inputValue()).toBe(`${YEAR}-10-15`);
      expect(await errorText(page, 'case-form-filedOn')).toBe('');
      await box(page, 'claimAmount').fill('１２,０００');
      await box(page, 'division').selectOption({ label: judge.division! });
      await expect.poll(() => box(page, 'judge').locator('option').count()).toBeGreaterThan(1);
      await box(page, 'judge').selectOption({ label: judge.name });
      await box(page, 'plaintiffs').fill('');
      await box(page, 'plaintiffs').pressSequentially('张三、');
      await box(page, 'plaintiffs').pressSequentially('李四');
      await box(page, 'plaintiffs').press('Enter');
      expect(await page.getByTestId('case-form-plaintiffs-tag').allTextContents()).toEqual(['张三×', '李四×']);
      await box(page, 'defendants').fill('某某建材有限公司');
      await box(page, 'defendants').press('Enter');
      // The 1024 run links the new case to an older 诉前调 case; the 1920 run has none.
      const origin = w === 1024 ? listed(clerk, ['--search', '诉前调']).find((c) => c.typeCode === '诉前调')!.caseNumber : '';
      await box(page, 'originCaseNumber').fill(origin);
      // Enter in an empty name box saves.
      await box(page, 'defendants').press('Enter');
      await page.getByTestId('case-form-saved').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('case-form-saved').textContent()).toContain(number);
      // Ready for the next case: the next number of the same type, the same filing day and handler.
      const seq = Number(/(\d+)号$/.exec(number)![1]);
      await expect.poll(() => box(page, 'caseNumber').inputValue(), { timeout: 10_000 }).toBe(`（${YEAR}）辽0421民初${seq + 1}号`);
      expect(await box(page, 'filedOn').inputValue()).toBe(`${YEAR}-10-15`);
      expect(await box(page, 'judge').inputValue()).toBe(judge.name);
      expect(await box(page, 'cause').inputValue()).toBe('');
      expect(await page.getByTestId('case-form-count').textContent()).toContain('1');
      await shot(page, `63-cw-register-saved-clerk-${w}`);

      const saved = JSON.parse(as(clerk, ['--json', 'deadline', number]).out) as { dueOn: string };
      expect(saved.dueOn).toBe(`${YEAR + 1}-04-15`);
      cases[w === 1024 ? 'events' : 'edits'] = number;
      if (origin) cases.origin = origin;
    } finally {
      await page.close();
    }
  });

  it.each(VIEWPORTS)('a judge registers his own cases: division and handler are fixed to him ($width)', async (viewport) => {
    const page = await signedIn(judge, viewport);
    try {
      await page.getByTestId('case-new').click();
      await page.getByTestId('case-form').waitFor();
      await expect.poll(() => page.getByTestId('case-form-judge-fixed').textContent()).toBe(judge.name);
      expect(await page.getByTestId('case-form-division-fixed').textContent()).toBe(judge.division);
      await page.getByTestId('case-form-next-刑初').click();
      await page.getByTestId('case-form-caseNumber-ok').waitFor({ timeout: 10_000 });
      // A criminal case: its procedures and its catalogue (罪名) follow from the number.
      expect(await box(page, 'procedure').locator('option').allTextContents()).toContain('速裁程序');
      await box(page, 'cause').fill('盗窃');
      await page.getByTestId('case-form-cause-option').filter({ hasText: '盗窃罪' }).first().waitFor({ timeout: 10_000 });
      await shot(page, `64-cw-register-judge-${viewport.width}`);
    } finally {
      await page.close();
    }
  });
});

describe('periods on the case page', () => {
  it('a judge records a 公告 period and sees the due date move, with the arithmetic; wrong periods are refused at the box', async () => {
    const number = cases.events;
    const page = await signedIn(judge);
    try {
      await openCase(page, number);
      const before = await due(page);
      expect(before).toBe(`${YEAR + 1}-04-15`);
      await page.getByTestId('event-add').click();
      await page.getByTestId('event-dialog').waitFor();
      expect(await page.getByTestId('event-kind').locator('option').allTextContents()).not.toContain('调解');
      await page.getByTestId('event-kind').selectOption('公告');
      await page.getByTestId('event-from').fill(`${YEAR}-10-20`);
      await page.getByTestId('event-to').fill(`${YEAR}-10-10`);
      await page.getByTestId('event-save').click();
      expect(await errorText(page, 'event-to')).toBe(`结束日期 ${YEAR}-10-10 早于开始日期 ${YEAR}-10-20`);
      await shot(page, '65-cw-event-refused-judge-1024');
      await page.getByTestId('event-to').fill(`${YEAR}/11/18`);
      await page.getByTestId('event-save').click();
      await page.getByTestId('event-dialog').waitFor({ state: 'detached' });
      // 2026-10-20 to 2026-11-18: 29 days not counted, and the due date moves by them at once.
      await expect.poll(() => due(page)).toBe(addDays(before, 29));
      expect(await page.getByTestId('last-change').textContent()).toContain(`由 ${before} 变为 ${addDays(before, 29)}`);
      expect(await page.getByTestId('deadline-steps').textContent()).toContain(`公告 ${YEAR}-10-20 至 ${YEAR}-11-18`);
      await shot(page, '66-cw-event-recorded-judge-1024');

      // A suspension without an end stops the clock; a period inside it is refused with the core's words at its box.
      const moved = await due(page);
      await page.getByTestId('event-add').click();
      await page.getByTestId('event-kind').selectOption('中止');
      await page.getByTestId('event-from').fill(`${YEAR}-11-20`);
      await page.getByTestId('event-save').click();
      await page.getByTestId('event-dialog').waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('deadline-remaining').textContent()).toContain('中止');
      await page.getByTestId('event-add').click();
      await page.getByTestId('event-kind').selectOption('鉴定');
      await page.getByTestId('event-from').fill(`${YEAR}-11-21`);
      await page.getByTestId('event-save').click();
      await expect.poll(() => errorText(page, 'event-from'), { timeout: 10_000 }).toContain('重叠');
      await shot(page, '67-cw-event-overlap-judge-1024');
      await page.getByTestId('event-cancel').click();
      // Resumed: the three days of the suspension are not counted.
      await page.getByTestId('event-resume').click();
      await page.getByTestId('end-period-dialog').waitFor();
      await shot(page, '68-cw-resume-dialog-judge-1024');
      await page.getByTestId('end-period-save').click();
      await page.getByTestId('end-period-dialog').waitFor({ state: 'detached' });
      await expect.poll(() => due(page)).toBe(addDays(moved, 3));
      expect(await page.getByTestId('case-event').count()).toBe(2);
    } finally {
      await page.close();
    }
  });

  it('a judge converts a simple-procedure case to 普通程序 and the limit follows', async () => {
    const number = addCase(judge, '民初', ['--cause', '买卖合同纠纷', '--filed-on', `${YEAR}-11-02`, '--division', judge.division!, '--judge', judge.name, '--procedure', '简易程序', '--plaintiffs', '甲公司', '--defendants', '乙公司']);
    const page = await signedIn(judge);
    try {
      await openCase(page, number);
      expect(await due(page)).toBe(`${YEAR + 1}-02-02`);
      await page.getByTestId('case-convert').click();
      await page.getByTestId('convert-dialog').waitFor();
      await page.getByTestId('convert-on').fill(`${YEAR}-11-01`);
      await page.getByTestId('convert-save').click();
      expect(await errorText(page, 'convert-on')).toContain('早于');
      await shot(page, '69-cw-convert-dialog-judge-1024');
      await page.getByTestId('convert-on').fill(TODAY);
      await page.getByTestId('convert-save').click();
      await page.getByTestId('convert-dialog').waitFor({ state: 'detached' });
      await expect.poll(() => due(page)).toBe(`${YEAR + 1}-05-02`);
      expect(await page.locator('.fields').textContent()).toContain(`普通程序（${TODAY} 转为普通程序）`);
      expect(await page.getByTestId('case-convert').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('closing (结案), appeals and reopening', () => {
  it('closes by judgment freely until the court requires 阅核 and 类案检索; then is refused with the reason, and accepted once they are given', async () => {
    // Cases of the seeded docket, not those the tests before registered and work on.
    const mine = new Set(Object.values(cases));
    const open = listed(judge, ['--status', 'open', '--search', '民初']).filter((c) => c.typeCode === '民初' && c.status === 'in_time' && c.filedOn < `${YEAR}-10-01` && !mine.has(c.caseNumber));
    cases.plain = open[0].caseNumber;
    cases.judged = open[1].caseNumber;
    cases.dialogs = open[2].caseNumber;
    const page = await signedIn(judge);
    try {
      // No rules yet: a judgment closes with its date and method.
      await openCase(page, cases.plain);
      await page.getByTestId('case-close').click();
      await page.getByTestId('close-method').selectOption('判决');
      expect(await page.getByTestId('close-rules').count()).toBe(0);
      await page.getByTestId('close-save').click();
      await page.getByTestId('close-dialog').waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('last-change').textContent()).toContain('已结案');
      expect(await page.locator('.case-title .chip').textContent()).toContain('已结');

      // The judge opens the next closing while the administrator turns the rules on.
      await openCase(page, cases.judged);
      await page.getByTestId('case-close').click();
      await page.getByTestId('close-method').selectOption('判决');
      const admin = await signedIn(ADMIN);
      try {
        await admin.evaluate(() => {
          window.location.hash = '#/settings';
        });
        await admin.getByTestId('closing-rules-review').check();
        await admin.getByTestId('closing-rules-precedent').check();
        await admin.getByTestId('closing-rules-save').click();
        await expect.poll(() => admin.getByTestId('closing-rules-message').textContent()).toContain('阅核和类案检索');
      } finally {
        await admin.close();
      }
      // Refused by the core, with its reason beside the 阅核 section; the dialog now marks both required.
      await page.getByTestId('close-save').click();
      await expect.poll(async () => (await page.getByTestId('close-review-error').count()) ? await page.getByTestId('close-review-error').textContent() : '', { timeout: 10_000 }).toContain('本院要求判决结案前完成阅核');
      await expect.poll(() => page.getByTestId('close-rules').textContent()).toContain('须记录阅核和类案检索');
      await shot(page, '70-cw-close-refused-judge-1024');
      await page.getByTestId('close-save').click();
      expect(await errorText(page, 'close-reviewer')).toBe('请填写阅核人');
      expect(await errorText(page, 'close-query')).toBe('请填写检索内容');
      expect(await page.getByTestId('close-platforms-error').textContent()).toBe('请选择检索平台');
      await page.getByTestId('close-reviewer').fill(head.name);
      await page.getByTestId('close-reviewerRole').selectOption('庭长');
      await page.getByTestId('close-action').selectOption('同意');
      await page.getByTestId('close-fourCategories').check();
      await page.getByTestId('close-platform-人民法院案例库').check();
      await page.getByTestId('close-query').fill('离婚 子女抚养 探望权');
      // A reference that is neither a case number nor a 案例库 entry stays in the box with its reason.
      await page.getByTestId('close-references').fill('见附件');
      await page.getByTestId('close-references').press('Enter');
      expect(await errorText(page, 'close-references')).toContain('既不是案号，也不是人民法院案例库的入库编号');
      await page.getByTestId('close-references').fill('(2023)最高法民终123号、(2024)辽02民终55号');
      await page.getByTestId('close-references').press('Enter');
      expect(await errorText(page, 'close-references')).toBe('');
      await shot(page, '71-cw-close-filled-judge-1024');
      await page.getByTestId('close-save').click();
      await page.getByTestId('close-dialog').waitFor({ state: 'detached' });
      await page.getByTestId('closing-record').waitFor();
      expect(await page.getByTestId('case-review').textContent()).toContain(head.name);
      expect(await page.getByTestId('case-precedent').textContent()).toContain('（2024）辽02民终55号');
      await page.getByTestId('closing-record').scrollIntoViewIfNeeded();
      await shot(page, '72-cw-closing-record-judge-1024');

      // Later: the appeal and its outcome, on the closed first-instance case.
      await page.getByTestId('case-appeal').click();
      await page.getByTestId('appeal-save').click();
      expect(await page.getByTestId('appeal-appealed-error').textContent()).toBe('请选择是否上诉');
      await page.getByTestId('appeal-yes').check();
      await page.getByTestId('appeal-outcome').selectOption('维持');
      await shot(page, '73-cw-appeal-dialog-judge-1024');
      await page.getByTestId('appeal-save').click();
      await page.getByTestId('appeal-dialog').waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('.fields').textContent()).toContain('已上诉 · 二审结果：维持');
    } finally {
      await page.close();
    }
  });

  it('the division head reopens a case closed by mistake, with the reason, kept in its record', async () => {
    // A judge has no 重开.
    const judgePage = await signedIn(judge);
    try {
      await openCase(judgePage, cases.plain);
      expect(await judgePage.getByTestId('case-reopen').count()).toBe(0);
    } finally {
      await judgePage.close();
    }
    const page = await signedIn(head);
    try {
      await openCase(page, cases.plain);
      await page.getByTestId('case-reopen').click();
      await page.getByTestId('reopen-save').click();
      expect(await errorText(page, 'reopen-reason')).toBe('请写明重开的理由');
      await page.getByTestId('reopen-reason').fill('误将尚未宣判的案件登记为判决结案');
      await shot(page, '74-cw-reopen-dialog-head-1024');
      await page.getByTestId('reopen-save').click();
      await page.getByTestId('reopen-dialog').waitFor({ state: 'detached' });
      await page.getByTestId('case-reopening').waitFor();
      expect(await page.getByTestId('case-reopening').textContent()).toContain('误将尚未宣判的案件登记为判决结案');
      expect(await page.getByTestId('case-reopening').textContent()).toContain(head.name);
      expect(await page.getByTestId('case-close').count()).toBe(1);
      const entries = await page.getByTestId('history-entry').allTextContents();
      expect(entries[0]).toContain('重开案件');
      await shot(page, '75-cw-reopened-head-1024');
    } finally {
      await page.close();
    }
  });
});

describe('先行调解', () => {
  it('a consented extension moves the case\'s due date by exactly its days', async () => {
    const number = addCase(judge, '民初', ['--cause', '买卖合同纠纷', '--filed-on', `${YEAR}-11-10`, '--division', judge.division!, '--judge', judge.name, '--plaintiffs', '丙', '--defendants', '丁']);
    cases.mediation = number;
    const page = await signedIn(judge);
    try {
      await openCase(page, number);
      const before = await due(page);
      await page.getByTestId('mediation-start').waitFor();
      await page.getByTestId('mediation-start-save').click();
      expect(await errorText(page, 'mediation-destination')).toBe('请选择调解去向');
      expect(await errorText(page, 'mediation-mediator')).toBe('请填写调解员或调解组织');
      await page.getByTestId('mediation-destination').selectOption('特邀调解员');
      await page.getByTestId('mediation-mediator').fill('县人民调解委员会特邀调解员王某某');
      await page.getByTestId('mediation-receivedOn').fill(`${YEAR}-11-12`);
      await page.getByTestId('mediation-start-save').click();
      await page.getByTestId('mediation-due').waitFor();
      expect(await page.getByTestId('mediation-due').textContent()).toBe(`${YEAR}-11-27`);
      expect(await page.getByTestId('mediation-remaining').textContent()).toBe('剩余 4 天');
      expect(await due(page)).toBe(before);
      await page.getByTestId('mediation-panel').scrollIntoViewIfNeeded();
      await shot(page, '76-cw-mediation-running-judge-1024');

      await page.getByTestId('mediation-extend').click();
      await page.getByTestId('mediation-days').fill('31');
      await page.getByTestId('mediation-extend-save').click();
      expect(await errorText(page, 'mediation-days')).toBe('经双方同意最多延长 30 天');
      await page.getByTestId('mediation-days').fill('１０');
      await shot(page, '77-cw-mediation-extend-judge-1024');
      await page.getByTestId('mediation-extend-save').click();
      await page.getByTestId('mediation-extend-dialog').waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('mediation-due').textContent()).toBe(`${YEAR}-12-07`);
      // Not counted in the time limit: the case's due date moves by exactly the ten days.
      expect(await due(page)).toBe(addDays(before, 10));
      expect(await page.getByTestId('last-change').textContent()).toContain(`由 ${before} 变为 ${addDays(before, 10)}`);
      expect(await page.getByTestId('mediation-extension').textContent()).toContain('10 天');
      await page.getByTestId('mediation-panel').scrollIntoViewIfNeeded();
      await shot(page, '78-cw-mediation-extended-judge-1024');

      await page.getByTestId('mediation-end').click();
      await page.getByTestId('mediation-outcome').selectOption('调解成功');
      expect(await page.getByTestId('mediation-end-effect').textContent()).toContain('本案同时结案');
      await shot(page, '79-cw-mediation-end-judge-1024');
      await page.getByTestId('mediation-end-save').click();
      await page.getByTestId('mediation-end-dialog').waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('.case-title .chip').textContent()).toContain('已结');
      expect(await page.getByTestId('mediation-outcome-chip').textContent()).toBe('调解成功');
    } finally {
      await page.close();
    }
  });
});

describe('先行调解 on the 审限预警 board', () => {
  it('a mediation about to end is counted on its card, listed behind it, and opens its case', async () => {
    const number = addCase(judge, '民初', ['--cause', '买卖合同纠纷', '--filed-on', `${YEAR}-11-16`, '--division', judge.division!, '--judge', judge.name, '--procedure', '简易程序', '--plaintiffs', '戊', '--defendants', '己']);
    const started = as(judge, ['case', 'mediate', number, 'start', '--destination', '律师调解', '--mediator', '某律师事务所律师调解工作室', '--received-on', `${YEAR}-11-18`]);
    expect(started.code, started.err).toBe(0);
    cases.mediationDue = number;
    const expected = listed(judge, ['--status', 'mediation_due']).map((c) => c.caseNumber);
    expect(expected).toContain(number);
    const page = await signedIn(judge);
    try {
      await page.evaluate(() => {
        window.location.hash = '#/deadlines?view=mediation';
      });
      await expect.poll(() => page.getByTestId('deadline-count-mediation').textContent(), { timeout: 15_000 }).toBe(String(expected.length));
      expect(await page.getByTestId('deadline-hint-mediation').textContent()).toContain('调解中');
      await expect.poll(() => page.getByTestId('case-row').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(number)]));
      expect(await page.getByTestId('case-row').count()).toBe(expected.length);
      await shot(page, '97-cw-deadlines-mediation-judge-1024');
      await page.getByTestId('case-row').filter({ hasText: number }).getByRole('link').first().click();
      await expect.poll(() => page.locator('.case-title h1').textContent(), { timeout: 15_000 }).toBe(number);
      // Simple procedure: 7 days from 11-18, due 11-25, two days after today.
      expect(await page.getByTestId('mediation-due').textContent()).toBe(`${YEAR}-11-25`);
      expect(await page.getByTestId('mediation-remaining').textContent()).toBe('剩余 2 天');
    } finally {
      await page.close();
    }
  });
});

describe('editing and history', () => {
  it('a case edited twice shows both changes in its history, before and after, in words', async () => {
    const number = cases.edits;
    const page = await signedIn(clerk);
    try {
      await openCase(page, number);
      await page.getByTestId('case-edit').click();
      await page.getByTestId('case-form').waitFor();
      expect(await page.getByTestId('case-form-caseNumber-fixed').textContent()).toBe(number);
      await box(page, 'claimAmount').fill('5万');
      await box(page, 'claimAmount').press('Enter');
      await page.getByTestId('case-history').waitFor();
      await page.getByTestId('case-edit').click();
      await page.getByTestId('case-form').waitFor();
      await box(page, 'defendants').fill('王五');
      await box(page, 'defendants').press('Enter');
      await box(page, 'filedOn').fill(`${YEAR}-13-01`);
      await box(page, 'filedOn').press('Tab');
      expect(await errorText(page, 'case-form-filedOn')).toBe('日期无效，应如 2024-01-05');
      await box(page, 'filedOn').fill(`${YEAR}-10-16`);
      await shot(page, '80-cw-edit-form-clerk-1024');
      await page.getByTestId('case-form-save').click();
      await page.getByTestId('case-history').waitFor();
      await expect.poll(() => page.getByTestId('history-entry').count()).toBe(3);
      const [second, first] = await page.getByTestId('history-entry').all();
      expect(await second.textContent()).toContain('修改案件信息');
      expect(await second.locator('[data-field="defendants"] .history-before').textContent()).toBe('某某建材有限公司');
      expect(await second.locator('[data-field="defendants"] .history-after').textContent()).toBe('某某建材有限公司、王五');
      expect(await second.locator('[data-field="filedOn"] .history-after').textContent()).toBe(`${YEAR}-10-16`);
      expect(await first.locator('[data-field="claimAmount"] .history-before').textContent()).toBe('12,000.00 元');
      expect(await first.locator('[data-field="claimAmount"] .history-after').textContent()).toBe('50,000.00 元');
      expect(await page.getByTestId('case-history').textContent()).not.toMatch(/[{}"]/);
      await page.getByTestId('case-history').scrollIntoViewIfNeeded();
      await shot(page, '81-cw-history-clerk-1024');
      await page.setViewportSize(VIEWPORTS[1]);
      await shot(page, '81-cw-history-clerk-1920');
    } finally {
      await page.close();
    }
  });

  it('an older 诉前调 case and the 民初 filed after it link to each other', async () => {
    const page = await signedIn(clerk);
    try {
      await openCase(page, cases.events);
      expect(await page.getByTestId('origin-link').textContent()).toBe(cases.origin);
      await page.getByTestId('origin-link').click();
      await expect.poll(() => page.locator('.case-title h1').textContent()).toBe(cases.origin);
      expect(await page.getByTestId('follow-up-link').allTextContents()).toContain(cases.events);
      await shot(page, '82-cw-follow-ups-clerk-1024');
      await page.getByTestId('follow-up-link').filter({ hasText: cases.events }).click();
      await expect.poll(() => page.locator('.case-title h1').textContent()).toBe(cases.events);
    } finally {
      await page.close();
    }
  });
});

describe('lists people use', () => {
  it('each person sees only the filters he saved, beside the presets of his scope', async () => {
    const judgePage = await signedIn(judge);
    const headPage = await signedIn(head);
    try {
      for (const [page, name, status] of [[judgePage, '我的鉴定中', '暂停计算'], [headPage, '本庭中止案件', '中止']] as const) {
        await page.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
        expect(await page.getByTestId('saved-filter-save').isDisabled()).toBe(true);
        await page.getByTestId('filter-status').selectOption({ label: status });
        await expect.poll(() => page.getByTestId('saved-filter-save').isDisabled()).toBe(false);
        await page.getByTestId('saved-filter-save').click();
        await page.getByTestId('save-filter-name').fill('');
        await page.getByTestId('save-filter-save').click();
        expect(await errorText(page, 'save-filter-name')).toBe('请给筛选条件起个名字');
        await page.getByTestId('save-filter-name').fill(name);
        await page.getByTestId('save-filter-save').click();
        await page.getByTestId('save-filter-dialog').waitFor({ state: 'detached' });
        await expect.poll(() => page.getByTestId('saved-filter-delete').textContent()).toContain(name);
      }
    } finally {
      await judgePage.close();
      await headPage.close();
    }
    // Signed in afresh, each reads his own list from the core.
    const options = async (page: Page) => page.getByTestId('saved-filter-select').locator('option').allTextContents();
    const again = async (p: Person) => {
      const page = await signedIn(p);
      await page.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
      await expect.poll(() => options(page)).toContain(p === judge ? '我的鉴定中' : '本庭中止案件');
      return page;
    };
    const judgePage2 = await again(judge);
    const headPage2 = await again(head);
    try {
      const judgePage = judgePage2;
      const headPage = headPage2;
      expect(await options(judgePage)).toContain('我的鉴定中');
      expect(await options(judgePage)).not.toContain('本庭中止案件');
      expect(await options(headPage)).toContain('本庭中止案件');
      expect(await options(headPage)).not.toContain('我的鉴定中');
      expect(await options(judgePage)).toEqual(expect.arrayContaining(['我的超期案件', '我的15日内到期']));
      expect(await options(headPage)).toEqual(expect.arrayContaining(['本庭超期案件', '本庭15日内到期']));

      // A preset: his overdue cases, all of them overdue, counted.
      await judgePage.getByTestId('saved-filter-select').selectOption({ label: '我的超期案件' });
      await expect.poll(() => judgePage.getByTestId('filter-status').inputValue()).toBe('overdue');
      await judgePage.getByTestId('case-total').waitFor();
      // Polled: on a busy machine the rows can still be loading (none yet) when the total shows.
      const statuses = () => judgePage.getByTestId('case-row').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-status')))].sort());
      await expect.poll(statuses).toEqual(['overdue']);
      // His own saved filter, picked, and deleted.
      await judgePage.getByTestId('saved-filter-select').selectOption({ label: '我的鉴定中' });
      await expect.poll(() => judgePage.getByTestId('filter-status').inputValue()).toBe('paused');
      await judgePage.getByTestId('saved-filter-delete').click();
      await expect.poll(() => options(judgePage)).not.toContain('我的鉴定中');
      expect(await options(headPage)).toContain('本庭中止案件');
    } finally {
      await judgePage2.close();
      await headPage2.close();
    }
  });

  it('someone who may only view cases is not offered registration, and its address says why', async () => {
    const page = await signedIn(demoPeople(db).only('statistician'));
    try {
      await page.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('case-new').count()).toBe(0);
      await page.evaluate(() => {
        window.location.hash = '#/cases/new';
      });
      expect(await page.getByTestId('case-form-no-access').textContent()).toContain('登记、修改、导入案件');
      expect(await page.getByTestId('case-form').count()).toBe(0);
      await openCase(page, cases.judged);
      expect(await page.getByTestId('case-actions').count()).toBe(0);
      expect(await page.getByTestId('event-add').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('the column headers sort the list by the sorts the list offers', async () => {
    const page = await signedIn(clerk);
    try {
      await page.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('sort-filedOn').getAttribute('data-sort')).toBe('filedOn_desc');
      await page.getByTestId('sort-dueOn').click();
      await expect.poll(() => page.getByTestId('filter-sort').inputValue()).toBe('dueOn_asc');
      expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('审限届满日');
      await page.getByTestId('sort-filedOn').click();
      await expect.poll(() => page.getByTestId('filter-sort').inputValue()).toBe('filedOn_desc');
      await page.getByTestId('sort-filedOn').click();
      await expect.poll(() => page.getByTestId('filter-sort').inputValue()).toBe('filedOn_asc');
      await page.getByTestId('case-row').first().waitFor();
      const dates = await page.getByTestId('case-row').evaluateAll((rows) => rows.slice(0, 20).map((r) => (r.querySelectorAll('td.num')[0] as HTMLElement).textContent));
      expect([...dates].sort()).toEqual(dates);
      await page.getByTestId('sort-caseNumber').click();
      await expect.poll(() => page.getByTestId('filter-sort').inputValue()).toBe('caseNumber_asc');
    } finally {
      await page.close();
    }
  });
});

describe('every new screen and dialog at 1024×768 and 1920×1080, for each role', () => {
  it.each(VIEWPORTS)('lists, case pages and the settings panel ($width)', async (viewport) => {
    const w = viewport.width;
    for (const [who, role] of [[clerk, 'clerk'], [judge, 'judge'], [head, 'head']] as const) {
      const page = await signedIn(who, viewport);
      try {
        await page.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
        await page.getByTestId('saved-filters').waitFor();
        await shot(page, `83-cw-list-${role}-${w}`);
        if (role === 'head') {
          // A case nobody has changed since it was filed: its history says so.
          const mine = new Set(Object.values(cases));
          const untouched = listed(head, ['--status', 'open']).find((c) => !mine.has(c.caseNumber))!.caseNumber;
          await openCase(page, untouched);
          await page.getByTestId('case-history').scrollIntoViewIfNeeded();
          expect(await page.getByTestId('case-history').textContent()).toContain('没有修改记录');
          await shot(page, `85-cw-case-history-empty-head-${w}`);
        }
        await openCase(page, role === 'clerk' ? cases.edits : cases.judged);
        await shot(page, `84-cw-case-page-${role}-${w}`);
        await page.getByTestId('case-history').scrollIntoViewIfNeeded();
        await shot(page, `85-cw-case-history-${role}-${w}`);
      } finally {
        await page.close();
      }
    }
    const admin = await signedIn(ADMIN, viewport);
    try {
      await admin.evaluate(() => {
        window.location.hash = '#/settings';
      });
      await admin.getByTestId('closing-rules-panel').scrollIntoViewIfNeeded();
      await shot(admin, `86-cw-settings-closing-rules-admin-${w}`);
    } finally {
      await admin.close();
    }
    // What a judge sees of the rules he cannot change.
    const page = await signedIn(judge, viewport);
    try {
      await page.evaluate(() => {
        window.location.hash = '#/settings';
      });
      expect(await page.getByTestId('closing-rules-current').textContent()).toContain('须记录阅核和类案检索');
      expect(await page.getByTestId('closing-rules-review').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it.each(VIEWPORTS)('each dialog, empty and with its mistakes ($width)', async (viewport) => {
    const w = viewport.width;
    if (!cases.simple) {
      // A simple-procedure case with long names and a running 先行调解 (below, an open 鉴定): every dialog has something
      // to open on.
      cases.simple = addCase(judge, '民初', [
        '--cause', '建设工程施工合同纠纷', '--filed-on', `${YEAR}-11-05`, '--division', judge.division!, '--judge', judge.name, '--procedure', '简易程序',
        '--plaintiffs', '辽宁省某某市某某区某某建筑工程集团有限公司第三分公司、欧阳某某',
        '--defendants', '中国某某某某财产保险股份有限公司某某市中心支公司营业部、某某市某某房地产开发有限责任公司、司马某某', '--claim-amount', '1234567.89',
      ]);
      const started = as(judge, ['case', 'mediate', cases.simple, 'start', '--destination', '律师调解', '--mediator', '辽宁某某律师事务所律师调解工作室（调解员：上官某某）', '--received-on', `${YEAR}-11-18`]);
      expect(started.code, started.err).toBe(0);
    }
    const page = await signedIn(judge, viewport);
    try {
      await openCase(page, cases.simple);
      if (!(await page.getByTestId('event-end').count())) {
        // A 鉴定 still running: left without an end, it stops the clock until it is ended.
        await page.getByTestId('event-add').click();
        await page.getByTestId('event-kind').selectOption('鉴定');
        await page.getByTestId('event-from').fill(`${YEAR}-11-20`);
        await page.getByTestId('event-note').fill('委托某某司法鉴定中心进行工程造价鉴定');
        await page.getByTestId('event-save').click();
        await page.getByTestId('event-dialog').waitFor({ state: 'detached' });
        await expect.poll(() => page.getByTestId('deadline-remaining').textContent()).toContain('暂停计算');
      }
      await shot(page, `93-cw-case-page-long-names-judge-${w}`);
      await page.getByTestId('mediation-panel').scrollIntoViewIfNeeded();
      // Received 2026-11-18, seven days in simple procedure: due 2026-11-25, two days left, in amber.
      expect(await page.getByTestId('mediation-due').textContent()).toBe(`${YEAR}-11-25`);
      expect(await page.getByTestId('mediation-remaining').getAttribute('class')).toContain('tone-warn');
      await shot(page, `94-cw-mediation-due-soon-judge-${w}`);
      for (const [button, dialog, name] of [
        ['case-convert', 'convert-dialog', 'convert'],
        ['event-end', 'end-period-dialog', 'end-period'],
        ['mediation-extend', 'mediation-extend-dialog', 'mediation-extend'],
        ['mediation-end', 'mediation-end-dialog', 'mediation-end'],
      ] as const) {
        await page.getByTestId(button).click();
        await page.getByTestId(dialog).waitFor();
        await shot(page, `95-cw-dialog-${name}-judge-${w}`);
        // A day that does not exist where there is a date to give; the other two start empty.
        if (name === 'convert') await page.getByTestId('convert-on').fill(`${YEAR}-13-01`);
        if (name === 'end-period') await page.getByTestId('end-period-date').fill(`${YEAR}-13-01`);
        await page.getByTestId(`${name}-save`).click();
        await expect.poll(() => page.getByTestId(dialog).locator('[role="alert"]').count()).toBeGreaterThan(0);
        await shot(page, `95-cw-dialog-${name}-errors-judge-${w}`);
        await page.getByTestId(`${name}-cancel`).click();
        await page.getByTestId(dialog).waitFor({ state: 'detached' });
      }
      await page.getByTestId('case-edit').click();
      await page.getByTestId('case-form').waitFor();
      expect(await page.getByTestId('case-form-defendants-tag').count()).toBe(3);
      await shot(page, `96-cw-edit-form-long-names-judge-${w}`);
      await openCase(page, cases.dialogs);
      const dialogs: Array<[string, string, string]> = [
        ['event-add', 'event-dialog', 'event'],
        ['case-close', 'close-dialog', 'close'],
      ];
      for (const [button, dialog, name] of dialogs) {
        await page.getByTestId(button).click();
        await page.getByTestId(dialog).waitFor();
        if (name === 'close') await page.getByTestId('close-method').selectOption('判决');
        await shot(page, `87-cw-dialog-${name}-judge-${w}`);
        await page.getByTestId(`${name}-save`).click();
        await page.waitForTimeout(100);
        await shot(page, `88-cw-dialog-${name}-errors-judge-${w}`);
        await page.getByTestId(`${name}-cancel`).click();
        await page.getByTestId(dialog).waitFor({ state: 'detached' });
      }
      await openCase(page, cases.mediation);
      await page.getByTestId('mediation-panel').scrollIntoViewIfNeeded();
      await shot(page, `89-cw-mediation-ended-judge-${w}`);
      await openCase(page, cases.judged);
      await page.getByTestId('case-appeal').click();
      await page.getByTestId('appeal-dialog').waitFor();
      await shot(page, `90-cw-dialog-appeal-judge-${w}`);
      await page.getByTestId('appeal-cancel').click();
      await page.evaluate(() => {
        window.location.hash = '#/cases?status=overdue';
      });
      await page.getByTestId('saved-filter-save').click();
      await page.getByTestId('save-filter-dialog').waitFor();
      await shot(page, `91-cw-dialog-save-filter-judge-${w}`);
      await page.getByTestId('save-filter-cancel').click();
    } finally {
      await page.close();
    }
    const headPage = await signedIn(head, viewport);
    try {
      await openCase(headPage, cases.judged);
      await headPage.getByTestId('case-reopen').click();
      await headPage.getByTestId('reopen-save').click();
      await shot(headPage, `92-cw-dialog-reopen-errors-head-${w}`);
      await headPage.getByTestId('reopen-cancel').click();
    } finally {
      await headPage.close();
    }
  });

  it('threw no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
