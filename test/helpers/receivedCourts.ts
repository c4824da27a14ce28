// Hand-built received packages for the comparison tests: a few basic courts' rows with known figures, written through the intermediate court's own store (writeReceivedPackage) into a real database.
import type { Database } from 'better-sqlite3';
import { writeReceivedPackage, type ReceivedPackageRecord } from '../../electron/core/exchange/parts/receivedStore';
import type { CaseRow, IndicatorMonthRow, ReceivedRows } from '../../shared/exchange/parts';

type Values = Record<string, { value: number | null; [k: string]: unknown }>;

export const ratio = (numerator: number, denominator: number) => ({ value: denominator ? Math.round((numerator / denominator) * 1000) / 10 : null, numerator, denominator });
export const count = (value: number) => ({ value });

export function caseRow(caseNumber: string, o: Partial<CaseRow> = {}): CaseRow {
  return {
    caseNumber, cause: '民间借贷纠纷', procedure: '普通程序', limitVariant: null, filedOn: '2025-01-10', division: '民一庭', judge: '王法官',
    closedOn: null, closingMethod: null, claimAmountFen: null, importedDeductedDays: 0, importedExtendedDays: 0, appealed: null, appealOutcome: null,
    originCaseNumber: null, enforcementClaimFen: null, enforcementRecoveredFen: null, reviewed: null, precedentSearched: null, causeCatalog: null,
    convertedOn: null, clock: 'running', dueOn: '2025-07-10', deductedDays: 0, extMonths: 0, extDays: 0, durationDays: null, closedOverdue: null, ...o,
  };
}

/** Twelve months ending with `last` (YYYY-MM), each month's court value of `id` from `valueOf(month)`. */
export function monthsOf(last: string, id: string, valueOf: (month: string, i: number) => number | null, lastTo?: string): IndicatorMonthRow[] {
  const out: IndicatorMonthRow[] = [];
  const [y, m] = last.split('-').map(Number) as [number, number];
  for (let i = 0; i < 12; i++) {
    const total = y * 12 + (m - 1) - 11 + i;
    const month = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
    const end = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).toISOString().slice(0, 10);
    out.push({ from: `${month}-01`, to: i === 11 && lastTo ? lastTo : end, values: { [id]: { value: valueOf(month, i) } } });
  }
  return out;
}

export interface HandPackage {
  code: string;
  name: string;
  sequence: number;
  from: string;
  to: string;
  court: Values;
  months?: IndicatorMonthRow[];
  cases?: CaseRow[];
  extensions?: Pick<ReceivedRows, 'extensionRequests' | 'extensionDecisions'>;
  /** The court's 脱薄 ledger as the package carries it (empty when not given). */
  ledger?: ReceivedRows['ledger'];
}

/** Writes one package as a full package of that court (its rows replace the court's earlier ones, its figures its periods'). */
export function writeHandPackage(db: Database, p: HandPackage): void {
  const pkg: ReceivedPackageRecord = {
    packageId: `${p.code}-${p.sequence}`, senderCode: p.code, senderName: p.name, sequence: p.sequence, kind: 'full', baseSequence: null,
    periodFrom: p.from, periodTo: p.to, payloadSha256: String(p.sequence % 10).repeat(64), manifestJson: '{}', createdAt: `${p.to}T08:00:00Z`,
    includesPartyNames: false, receivedBy: 'tester', warning: null,
  };
  const rows: ReceivedRows = {
    auditChain: { since: 0, length: 0, head: '0'.repeat(64), digests: '' },
    cases: p.cases ?? [],
    events: [],
    extensionRequests: p.extensions?.extensionRequests ?? [],
    extensionDecisions: p.extensions?.extensionDecisions ?? [],
    indicators: { from: p.from, to: p.to, groups: [{ scope: 'court', name: '', values: p.court }], months: p.months ?? [] },
    ranges: [],
    deletions: [],
    ledger: p.ledger ?? { asOf: p.to, weakPoints: [], measures: [], progress: [], meetings: [] },
  };
  db.transaction(() => writeReceivedPackage(db, pkg, rows))();
}
