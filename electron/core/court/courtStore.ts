// The court itself, its divisions and staff: created on init, looked up and added to by imports and the generator.
import type { Database } from 'better-sqlite3';
import type { DivisionKind } from '../../../shared/cases/types';
import type { Role } from '../../../shared/accounts/roles';
import { nowStamp } from '../db/clock';

export interface SelfCourt {
  id: number;
  code: string;
  name: string;
}

// A basic court (辽0421) or an intermediate court (辽04): the province's abbreviation and at least two digits.
const COURT_CODE_RE = /^[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新兵]\d{2,6}$/u;

export function validateCourtCode(code: string): string | null {
  return COURT_CODE_RE.test(code) ? null : `法院代码“${code}”格式不正确，应为省份简称加数字，如 辽0421`;
}

export function getSelfCourt(db: Database): SelfCourt | null {
  return (db.prepare('SELECT id, code, name FROM courts WHERE is_self = 1').get() as SelfCourt | undefined) ?? null;
}

export type CourtLevel = 'basic' | 'intermediate';

/** The level a code implies when none is given: a province and two digits (辽04) is an intermediate court. */
export function levelFromCode(code: string): CourtLevel {
  return code.length <= 3 ? 'intermediate' : 'basic';
}

/** A level that contradicts the code's shape (辽04 basic, 辽0421 intermediate); other shapes take either. */
export function courtLevelProblem(code: string, level: CourtLevel): string | null {
  const digits = code.length - 1;
  if (digits === 2 && level === 'basic') return `法院代码 ${code} 是中级法院的代码（省份简称加两位数字），不能设为基层法院`;
  if (digits === 4 && level === 'intermediate') return `法院代码 ${code} 是基层法院的代码（省份简称加四位数字），不能设为中级法院`;
  return null;
}

export function insertSelfCourt(db: Database, code: string, name: string, rowVersion: number, level: CourtLevel = levelFromCode(code)): SelfCourt {
  const info = db
    .prepare('INSERT INTO courts (code, name, level, is_self, row_version, updated_at) VALUES (?, ?, ?, 1, ?, ?)')
    .run(code, name, level, rowVersion, nowStamp());
  return { id: Number(info.lastInsertRowid), code, name };
}

/** Guesses a division's kind from its name, for divisions that first appear in an imported file. */
export function divisionKindFromName(name: string): DivisionKind {
  if (name.includes('人民法庭') || /法庭$/.test(name)) return 'tribunal';
  if (name.includes('执行')) return 'enforcement';
  if (name.includes('办公室') || name.includes('审管办')) return 'office';
  return 'division';
}

/** Name → id maps with insert-on-miss, for bulk writers (import, seed) inside their transaction. */
export class CourtDirectory {
  private divisions = new Map<string, number>();
  private staff = new Map<string, number>();
  readonly addedDivisions: string[] = [];
  readonly addedStaff: string[] = [];
  private insertDivision;
  private insertStaff;
  private insertRole;

  constructor(
    db: Database,
    private courtId: number,
  ) {
    for (const r of db.prepare('SELECT id, name FROM divisions WHERE court_id = ?').all(courtId) as Array<{ id: number; name: string }>)
      this.divisions.set(r.name, r.id);
    for (const r of db.prepare('SELECT id, name FROM staff WHERE court_id = ?').all(courtId) as Array<{ id: number; name: string }>)
      this.staff.set(r.name, r.id);
    this.insertDivision = db.prepare('INSERT INTO divisions (court_id, name, kind, row_version, updated_at) VALUES (?, ?, ?, ?, ?)');
    this.insertStaff = db.prepare('INSERT INTO staff (court_id, name, division_id, row_version, updated_at) VALUES (?, ?, ?, ?, ?)');
    this.insertRole = db.prepare('INSERT OR IGNORE INTO staff_roles (staff_id, role) VALUES (?, ?)');
  }

  hasDivision(name: string): boolean {
    return this.divisions.has(name);
  }

  hasStaff(name: string): boolean {
    return this.staff.has(name);
  }

  divisionId(name: string, rowVersion: number, kind?: DivisionKind): number {
    let id = this.divisions.get(name);
    if (id === undefined) {
      id = Number(this.insertDivision.run(this.courtId, name, kind ?? divisionKindFromName(name), rowVersion, nowStamp()).lastInsertRowid);
      this.divisions.set(name, id);
      this.addedDivisions.push(name);
    }
    return id;
  }

  /** A staff member by name; one first seen as a case's judge is recorded with the judge role. */
  staffId(name: string, divisionId: number | null, rowVersion: number, roles: Role[] = ['judge']): number {
    let id = this.staff.get(name);
    if (id === undefined) {
      id = Number(this.insertStaff.run(this.courtId, name, divisionId, rowVersion, nowStamp()).lastInsertRowid);
      for (const role of roles) this.insertRole.run(id, role);
      this.staff.set(name, id);
      this.addedStaff.push(name);
    }
    return id;
  }
}
