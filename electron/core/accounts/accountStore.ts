// Accounts: staff members who sign in. Creation, sign-in with lockout, disabling and resets, each audited.
import type { Database } from 'better-sqlite3';
import { ROLES, ROLE_LABELS, MIN_PASSWORD_LENGTH, MAX_FAILED_SIGN_INS, LOCKOUT_MINUTES, type Role } from '../../../shared/accounts/roles';
import { nextRowVersion, nowStamp } from '../db/clock';
import { auditAppender } from '../audit/auditLog';
import { getSelfCourt } from '../court/courtStore';
import { hashPassword, verifyPassword } from './passwords';
import { InputError } from '../kernel/errors';
import { cleanName, NAME_MAX } from '../../../shared/text/names';
import { passwordNameProblem } from '../../../shared/accounts/passwordRules';

export interface Person {
  staffId: number;
  name: string;
  divisionId: number | null;
  division: string | null;
  roles: Role[];
  active: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  /** Demo databases only: the password shown on the sign-in screen. */
  demoPassword: string | null;
}

export type SignInResult = { ok: true; person: Person } | { ok: false; code: 'BAD_CREDENTIALS' | 'LOCKED' | 'DISABLED'; message: string };

/** Why a new password is refused, or null; `name` is its holder's, which the password may not contain. */
export function passwordProblem(password: string, name?: string | null): string | null {
  if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) return `口令至少需要 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (password.length > 200) return '口令过长';
  return passwordNameProblem(password, name);
}

/**
 * The hash a name that has no account is checked against: same scrypt parameters as every stored hash, of a random
 * password nobody knows, so a wrong name costs the same time as a wrong password.
 */
const UNMATCHABLE_HASH = 'scrypt$15$8$1$4s/Ls179POYsv/kKNkn+3g==$4bG05b0e4tcTlbgZ0xwA0pDA/xhwf6msZm9SxNPCrDQ=';

interface AccountRow {
  staff_id: number;
  name: string;
  division_id: number | null;
  division: string | null;
  active: 0 | 1;
  staff_active: 0 | 1;
  failed_attempts: number;
  locked_until: string | null;
  must_change_password: 0 | 1;
  demo_password: string | null;
  password_hash: string;
  roles: string | null;
}

const SELECT_ACCOUNT = `
  SELECT a.staff_id, s.name, s.division_id, d.name AS division, a.active, s.active AS staff_active, a.failed_attempts,
         a.locked_until, a.must_change_password, a.demo_password, a.password_hash,
         (SELECT group_concat(role) FROM staff_roles r WHERE r.staff_id = s.id) AS roles
  FROM accounts a JOIN staff s ON s.id = a.staff_id LEFT JOIN divisions d ON d.id = s.division_id`;

function toPerson(r: AccountRow): Person {
  const roles = (r.roles ?? '').split(',').filter((x): x is Role => (ROLES as readonly string[]).includes(x));
  roles.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
  return {
    staffId: r.staff_id, name: r.name, divisionId: r.division_id, division: r.division, roles,
    active: r.active === 1, lockedUntil: r.locked_until, mustChangePassword: r.must_change_password === 1, demoPassword: r.demo_password,
  };
}

export class AccountStore {
  private audit: ReturnType<typeof auditAppender>;

  constructor(private db: Database) {
    this.audit = auditAppender(db);
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
  }

  private row(name: string): AccountRow | undefined {
    return this.db.prepare(`${SELECT_ACCOUNT} WHERE s.name = ?`).get(name) as AccountRow | undefined;
  }

  byName(name: string): Person | null {
    const r = this.row(name);
    return r ? toPerson(r) : null;
  }

  byStaffId(staffId: number): Person | null {
    const r = this.db.prepare(`${SELECT_ACCOUNT} WHERE a.staff_id = ?`).get(staffId) as AccountRow | undefined;
    return r ? toPerson(r) : null;
  }

  list(): Person[] {
    return (this.db.prepare(`${SELECT_ACCOUNT} ORDER BY s.name`).all() as AccountRow[]).map(toPerson);
  }

  /**
   * Gives a staff member (created if new) an account with these roles, added to any he already holds (a judge
   * imported with his cases keeps his judge role). Call inside no transaction: this is one.
   */
  create(input: { name: string; roles: Role[]; division?: string | null; password: string; actor: string; demoPassword?: string; mustChange?: boolean }): Person {
    const cleaned = cleanName(input.name, '姓名', NAME_MAX.person);
    if (!cleaned.ok) throw new InputError(cleaned.error, '姓名');
    const name = cleaned.value;
    if (input.roles.length === 0) throw new InputError(`至少需要一个角色：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`, '角色');
    const problem = passwordProblem(input.password, name);
    if (problem) throw new InputError(problem, '口令');
    const hash = hashPassword(input.password);
    return this.db.transaction(() => {
      const court = getSelfCourt(this.db);
      if (!court) throw new InputError('数据库尚未初始化本院信息', null);
      let divisionId: number | null = null;
      if (input.division) {
        const id = this.db.prepare('SELECT id FROM divisions WHERE name = ?').pluck().get(input.division) as number | undefined;
        if (id === undefined) throw new InputError(`找不到部门“${input.division}”`, '部门');
        divisionId = id;
      }
      if (this.row(name)) throw new InputError(`账号“${name}”已存在`, '姓名');
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      let staffId = this.db.prepare('SELECT id FROM staff WHERE name = ?').pluck().get(name) as number | undefined;
      if (staffId === undefined) {
        staffId = Number(this.db.prepare('INSERT INTO staff (court_id, name, division_id, row_version, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(court.id, name, divisionId, version, now).lastInsertRowid);
      } else if (divisionId !== null) {
        this.db.prepare('UPDATE staff SET division_id = ?, row_version = ?, updated_at = ? WHERE id = ?').run(divisionId, version, now, staffId);
      }
      const addRole = this.db.prepare('INSERT OR IGNORE INTO staff_roles (staff_id, role) VALUES (?, ?)');
      for (const role of input.roles) addRole.run(staffId, role);
      this.db.prepare(
        `INSERT INTO accounts (staff_id, password_hash, demo_password, must_change_password, row_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(staffId, hash, input.demoPassword ?? null, input.mustChange ? 1 : 0, version, now, now);
      const person = this.byStaffId(staffId)!;
      this.audit({ actor: input.actor, action: 'account.create', entity: 'account', entityKey: name, after: { roles: person.roles, division: person.division } }, now);
      return person;
    }).immediate();
  }

  /**
   * Checks a password. Five wrong tries in a row lock the account for fifteen minutes; the counter and the lock
   * are stored, so restarting the program does not reset them. Whoever tries, the answer to a wrong name or a wrong
   * password is the same words after the same work (one scrypt hash and one audit entry), so the sign-in does not
   * tell which names exist; only the right password learns that its account is locked or disabled.
   */
  signIn(name: string, password: string, now: Date = new Date(), opts: { record: boolean } = { record: true }): SignInResult {
    const typed = name.trim().normalize('NFC');
    const r = this.row(typed);
    const bad = { ok: false as const, code: 'BAD_CREDENTIALS' as const, message: '姓名或口令不正确' };
    const matches = verifyPassword(password, r?.password_hash ?? UNMATCHABLE_HASH) && r !== undefined;
    const stamp = now.toISOString();
    const locked = !!r?.locked_until && r.locked_until > stamp;
    if (!r || !matches) {
      this.db.transaction(() => {
        if (!r) {
          this.audit({ actor: '（未登录）', action: 'signin.failed', entity: 'account', entityKey: null, after: { name: typed.slice(0, 20) } }, stamp);
          return;
        }
        // Guesses against a locked account neither count nor extend the lock: it ends when it said it would.
        const failures = locked ? r.failed_attempts : r.failed_attempts + 1;
        const lock = !locked && failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
        if (!locked) {
          this.db.prepare('UPDATE accounts SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE staff_id = ?').run(lock ? 0 : failures, lock, stamp, r.staff_id);
        }
        this.audit({ actor: r.name, action: lock ? 'account.locked' : 'signin.failed', entity: 'account', entityKey: r.name, after: { failures } }, stamp);
      }).immediate();
      return bad;
    }
    if (r.active === 0 || r.staff_active === 0) return { ok: false, code: 'DISABLED', message: `账号“${r.name}”已停用，请联系管理员` };
    if (locked) {
      return {
        ok: false, code: 'LOCKED',
        message: `口令连续错误 ${MAX_FAILED_SIGN_INS} 次，账号已锁定至 ${localTime(r.locked_until!)}；也可请信息技术人员在本机运行 courtdesk unlock ${r.name} 解除`,
      };
    }
    // A successful sign-in changes nothing unless it clears earlier failures; the window's sessions are recorded,
    // a command-line call (one sign-in per command) is not, so a refused command leaves the file as it was.
    if (r.failed_attempts > 0 || r.locked_until !== null || opts.record) {
      this.db.transaction(() => {
        if (r.failed_attempts > 0 || r.locked_until !== null) {
          this.db.prepare('UPDATE accounts SET failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE staff_id = ?').run(stamp, r.staff_id);
        }
        if (opts.record) this.audit({ actor: r.name, action: 'signin', entity: 'account', entityKey: r.name }, stamp);
      }).immediate();
    }
    return { ok: true, person: toPerson({ ...r, failed_attempts: 0, locked_until: null }) };
  }

  setActive(name: string, active: boolean, actor: string): Person {
    return this.db.transaction(() => {
      const r = this.row(name);
      if (!r) throw new InputError(`找不到账号“${name}”`, '姓名');
      if (!active && r.name === actor) throw new InputError('不能停用自己正在使用的账号', '姓名');
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      this.db.prepare('UPDATE accounts SET active = ?, row_version = ?, updated_at = ? WHERE staff_id = ?').run(active ? 1 : 0, version, now, r.staff_id);
      this.audit({ actor, action: active ? 'account.enable' : 'account.disable', entity: 'account', entityKey: r.name, before: { active: r.active === 1 }, after: { active } }, now);
      return this.byStaffId(r.staff_id)!;
    }).immediate();
  }

  /** The judges an assistant serves, by name. */
  judgesOf(staffId: number): string[] {
    return this.db.prepare('SELECT s.name FROM assistant_judges x JOIN staff s ON s.id = x.judge_id WHERE x.assistant_id = ? ORDER BY s.name').pluck().all(staffId) as string[];
  }

  /** Whether an assistant serves this judge (the extension request asks). */
  serves(assistantId: number, judgeId: number): boolean {
    return this.db.prepare('SELECT 1 FROM assistant_judges WHERE assistant_id = ? AND judge_id = ?').get(assistantId, judgeId) !== undefined;
  }

  /**
   * Sets the judges an assistant serves, replacing the list, audited. The account must hold the assistant role and
   * each name a person holding the judge role (a division head who judges holds it too); refused naming the field.
   */
  setJudges(name: string, judges: readonly string[], actor: string): Person {
    return this.db.transaction(() => {
      const r = this.row(name);
      if (!r) throw new InputError(`找不到账号“${name}”`, 'name');
      const person = this.byStaffId(r.staff_id)!;
      if (!person.roles.includes('assistant') && judges.length) throw new InputError(`“${name}”不是法官助理，不能对应法官`, 'name');
      const ids = [...new Set(judges)].map((j) => {
        const id = this.db.prepare("SELECT s.id FROM staff s JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'judge' WHERE s.name = ?").pluck().get(j) as number | undefined;
        if (id === undefined) throw new InputError(`“${j}”不是本院的员额法官`, 'judges');
        if (id === r.staff_id) throw new InputError('法官助理不能对应自己', 'judges');
        return id;
      });
      const before = this.judgesOf(r.staff_id);
      const now = nowStamp();
      this.db.prepare('DELETE FROM assistant_judges WHERE assistant_id = ?').run(r.staff_id);
      const add = this.db.prepare('INSERT INTO assistant_judges (assistant_id, judge_id, created_at) VALUES (?, ?, ?)');
      for (const id of ids) add.run(r.staff_id, id, now);
      this.audit({ actor, action: 'account.judges', entity: 'account', entityKey: r.name, before: { judges: before }, after: { judges: this.judgesOf(r.staff_id) } }, now);
      return this.byStaffId(r.staff_id)!;
    }).immediate();
  }

  /** Lifts a lockout (and clears the count of failed sign-ins), audited; the password stays as it is. */
  unlock(name: string, actor: string): Person {
    return this.db.transaction(() => {
      const r = this.row(name);
      if (!r) throw new InputError(`找不到账号“${name}”`, '姓名');
      const now = nowStamp();
      this.db.prepare('UPDATE accounts SET failed_attempts = 0, locked_until = NULL, row_version = ?, updated_at = ? WHERE staff_id = ?').run(nextRowVersion(this.db), now, r.staff_id);
      this.audit({ actor, action: 'account.unlock', entity: 'account', entityKey: r.name, before: { lockedUntil: r.locked_until, failedAttempts: r.failed_attempts } }, now);
      return this.byStaffId(r.staff_id)!;
    }).immediate();
  }

  /** An administrator sets a new password; the person must change it at the next sign-in. Unlocks the account. */
  resetPassword(name: string, password: string, actor: string): Person {
    const problem = passwordProblem(password, name);
    if (problem) throw new InputError(problem, '口令');
    const hash = hashPassword(password);
    return this.db.transaction(() => {
      const r = this.row(name);
      if (!r) throw new InputError(`找不到账号“${name}”`, '姓名');
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      this.db.prepare(
        'UPDATE accounts SET password_hash = ?, must_change_password = 1, failed_attempts = 0, locked_until = NULL, demo_password = NULL, row_version = ?, updated_at = ? WHERE staff_id = ?',
      ).run(hash, version, now, r.staff_id);
      this.audit({ actor, action: 'account.reset', entity: 'account', entityKey: r.name }, now);
      return this.byStaffId(r.staff_id)!;
    }).immediate();
  }

  changePassword(staffId: number, oldPassword: string, newPassword: string): void {
    const person = this.byStaffId(staffId);
    if (!person) throw new InputError('找不到账号', null);
    const r = this.row(person.name)!;
    if (!verifyPassword(oldPassword, r.password_hash)) throw new InputError('原口令不正确', '原口令');
    const problem = passwordProblem(newPassword, person.name);
    if (problem) throw new InputError(problem, '新口令');
    if (oldPassword === newPassword) throw new InputError('新口令不能与原口令相同', '新口令');
    const hash = hashPassword(newPassword);
    this.db.transaction(() => {
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      this.db.prepare('UPDATE accounts SET password_hash = ?, must_change_password = 0, demo_password = NULL, row_version = ?, updated_at = ? WHERE staff_id = ?')
        .run(hash, version, now, staffId);
      this.audit({ actor: person.name, action: 'account.password', entity: 'account', entityKey: person.name }, now);
    }).immediate();
  }

  /** Re-checks the password of a signed-in person, to unlock an idle session; failures count toward the lockout. */
  recheck(staffId: number, password: string, now: Date = new Date()): SignInResult {
    const person = this.byStaffId(staffId);
    if (!person) return { ok: false, code: 'BAD_CREDENTIALS', message: '找不到账号' };
    return this.signIn(person.name, password, now);
  }
}

function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
