// Fills an empty database from the synthetic generator, in one transaction, with bulk-friendly statements.
import { withTalliesRebuilt } from '../indicators/tallyBulk';
import type { Database } from 'better-sqlite3';
import { generateCourt } from '../generator/generate';
import { seedBatches } from '../generator/seedRows';
import { CaseStore } from '../cases/caseStore';
import { CourtDirectory, getSelfCourt } from '../court/courtStore';
import { nextRowVersion } from '../db/clock';
import { withBulkLoad } from '../cases/bulkLoad';
import { AccountStore } from '../accounts/accountStore';
import { ROLES } from '../../../shared/accounts/roles';
import type { GeneratedCourt } from '../generator/types';
import type { DemoSeeded as SeedResult } from '../../../shared/app/api';
import type { JobControl } from '../jobs/job';
import { InputError } from '../kernel/errors';
import { isDemo } from './initCourt';


export function seedDatabase(db: Database, store: CaseStore, opts: { cases: number; seed: number; today: string; actor: string; threads?: 'auto' | 'thread' | 'worker'; control?: JobControl }): SeedResult {
  const self = getSelfCourt(db);
  if (!self) throw new InputError('数据库尚未初始化本院信息，请先运行 courtdesk init', null);
  const court = self;
  // A real court's database is never turned into a demo (eight demo accounts with known passwords among them).
  if (!isDemo(db)) throw new InputError('只能向演示数据库填充合成数据；演示数据库用 courtdesk init --demo 创建', null);
  const existing = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  if (existing > 0) throw new InputError(`数据库中已有 ${existing} 件案件；生成演示数据只能用于空数据库`, null);

  const options = { courtCode: court.code, cases: opts.cases, seed: opts.seed, today: opts.today, holidayRoll: store.rules.holidayRoll() };
  const generated = generateCourt(options);
  // The database is empty and the generator's ids come from the directory: foreign keys are verified once for the
  // whole load (foreign_key_check below) rather than row by row. CHECK constraints stay on.
  db.pragma('foreign_keys = OFF');
  try {
    return db.transaction(() => {
      const result = fill();
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length) throw new Error(`generated data breaks ${broken.length} foreign keys`);
      return result;
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }

  function fill(): SeedResult {
    // The indicator tallies are built once after the load (an empty court: nothing to keep up row by row).
    return withTalliesRebuilt(db, () => withBulkLoad(db, () => {
      const version = nextRowVersion(db);
      const dir = new CourtDirectory(db, court.id);
      for (const d of generated.divisions) dir.divisionId(d.name, version, d.kind);
      for (const s of generated.staff) dir.staffId(s.name, s.division ? dir.divisionId(s.division, version) : null, version, s.roles);
      let n = 0;
      for (const batch of seedBatches(options, generated.cases, opts.threads)) {
        for (const row of batch) {
          const divisionId = dir.divisionId(row.division, version);
          store.insertSeedRow(row, divisionId, dir.staffId(row.judge, divisionId, version), version, opts.today);
        }
        n += batch.length;
        opts.control?.progress(n, opts.cases);
        opts.control?.checkCancelled();
      }
      createDemoAccounts(db, generated, opts.actor);
      store.audit({
        actor: opts.actor, action: 'seed', entity: 'database', entityKey: court.code,
        after: { cases: n, seed: opts.seed, today: opts.today, divisions: generated.divisions.length, staff: generated.staff.length },
      });
      return { cases: n, divisions: generated.divisions.length, staff: generated.staff.length };
    }, { searchIndexed: true }));
  }
}

/**
 * One account per role on a demonstration database, each a person of the generated court, with the password shown
 * on the sign-in screen. The judge, division head and assistant are the ones the generator arranged the docket for
 * (GeneratedCourt.demoAccounts: one trial division, the judge with cases due soon and overdue), so each account
 * opens on work to do. Only ever on synthetic data.
 */
function createDemoAccounts(db: Database, court: Pick<GeneratedCourt, 'staff' | 'demoAccounts'>, actor: string): void {
  const accounts = new AccountStore(db);
  const chosen = new Set(Object.values(court.demoAccounts));
  for (const role of ROLES) {
    const named = court.demoAccounts[role];
    // Otherwise the person whose roles come closest to just this one, so each demo account shows that role's view.
    const person = (named !== undefined ? court.staff.find((s) => s.name === named) : undefined) ?? court.staff
      .filter((s) => s.roles.includes(role) && !chosen.has(s.name) && !accounts.byName(s.name))
      .sort((a, b) => a.roles.length - b.roles.length)[0];
    if (!person) continue;
    const password = `demo-${role}`;
    // The demo clerk files cases for the whole court, as the clerks of 立案庭 do: no division, court-wide scope.
    const division = role === 'clerk' ? null : person.division;
    accounts.create({ name: person.name, roles: person.roles, division, password, demoPassword: password, actor });
    if (role === 'clerk') db.prepare('UPDATE staff SET division_id = NULL WHERE name = ?').run(person.name);
  }
}
