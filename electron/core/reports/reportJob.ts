// The long job 'report': gathers a report's figures on the job's own connection (so the window keeps answering) and
// renders them as PDF or .xlsx; reading only, cancellable between its indicator computations.
import type { Database } from 'better-sqlite3';
import type { CaseScope } from '../../../shared/accounts/roles';
import type { RangeEntry } from '../../../shared/indicators/ranges';
import { REPORT_TITLES, type ReportFormat, type ReportKind } from '../../../shared/reports/api';
import { defineJob, type JobControl } from '../jobs/job';
import { computeOn, monthlyReport, REPORT_STEPS, weeklyReport, type ReportData } from './reportData';
import { reportPdf } from './reportPdf';
import { reportXlsx } from './reportXlsx';

export interface ReportParams {
  kind: ReportKind;
  date: string;
  format: ReportFormat;
  today: string;
  scope: CaseScope;
  ranges: RangeEntry[];
  courtName: string;
}

export interface BuiltReport {
  fileName: string;
  from: string;
  to: string;
  bytes: number;
  base64: string;
}

/** The figures of a report, on any connection (the job's, or a test's). */
export function gatherReport(db: Database, p: Omit<ReportParams, 'format'>, control?: JobControl): ReportData {
  const compute = computeOn(db, p.scope, p.ranges);
  let done = 0;
  control?.progress(0, REPORT_STEPS[p.kind] + 1);
  const step = () => {
    control?.checkCancelled();
    control?.progress(++done);
  };
  const head = { courtName: p.courtName, scope: '', madeOn: p.today };
  return p.kind === 'weekly' ? weeklyReport(compute, p.date, p.today, head, step) : monthlyReport(compute, p.date, p.today, head, step);
}

export function reportFileName(d: ReportData, format: ReportFormat): string {
  const period = d.kind === 'weekly' ? `${d.week.from}至${d.week.to}` : d.month;
  return `${REPORT_TITLES[d.kind]}-${period}.${format}`;
}

export async function buildReport(db: Database, p: ReportParams, control?: JobControl): Promise<BuiltReport> {
  const d = gatherReport(db, p, control);
  control?.checkCancelled();
  control?.noLongerCancellable();
  const bytes = p.format === 'pdf' ? await reportPdf(d) : await reportXlsx(d);
  control?.progress(REPORT_STEPS[p.kind] + 1);
  const period = d.kind === 'weekly' ? d.week : d.periods.month;
  return { fileName: reportFileName(d, p.format), from: period.from, to: period.to, bytes: bytes.length, base64: bytes.toString('base64') };
}

export const reportJob = defineJob<ReportParams, BuiltReport>({ run: (db, params, control) => buildReport(db, params, control) });
