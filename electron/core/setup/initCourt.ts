// Creates a court's database: the court row, and whether it holds demonstration data.
import type { Database } from 'better-sqlite3';
import { nextRowVersion, nowStamp } from '../db/clock';
import { auditAppender } from '../audit/auditLog';
import { courtLevelProblem, getSelfCourt, insertSelfCourt, validateCourtCode, type CourtLevel, type SelfCourt } from '../court/courtStore';
import { InputError } from '../kernel/errors';
import { cleanName, NAME_MAX } from '../../../shared/text/names';
import { DEADLINE_RULES_VERSION, RULES_VERSION_KEY } from '../deadlines/rulesVersion';

export function initCourt(db: Database, code: string, name: string, actor: string, demo = false, level?: CourtLevel): SelfCourt {
  const codeError = validateCourtCode(code);
  if (codeError) throw new InputError(codeError, '法院代码');
  const levelError = level ? courtLevelProblem(code, level) : null;
  if (levelError) throw new InputError(levelError, '法院级别');
  const cleaned = cleanName(name, '法院名称', NAME_MAX.court);
  if (!cleaned.ok) throw new InputError(cleaned.error, '法院名称');
  const courtName = cleaned.value;
  return db.transaction(() => {
    const existing = getSelfCourt(db);
    if (existing) throw new InputError(`数据库已初始化为 ${existing.name}（${existing.code}），不能重复初始化`, null);
    const version = nextRowVersion(db);
    const court = insertSelfCourt(db, code, courtName, version, level);
    const setting = db.prepare('INSERT INTO settings (key, value_json, row_version, updated_at) VALUES (?, ?, ?, ?)');
    setting.run('demo', JSON.stringify(demo), version, nowStamp());
    // A new court's figures are computed by this program's rules from the first case on.
    setting.run(RULES_VERSION_KEY, JSON.stringify(DEADLINE_RULES_VERSION), version, nowStamp());
    auditAppender(db)({ actor, action: 'court.init', entity: 'court', entityKey: code, after: { code, name: courtName, demo, ...(level ? { level } : {}) } });
    return court;
  }).immediate();
}

export function isDemo(db: Database): boolean {
  const v = db.prepare("SELECT value_json FROM settings WHERE key = 'demo'").pluck().get() as string | undefined;
  return v === 'true';
}
