// 审限核对: a case whose exchange source states a statutory limit or due date that differs from CourtDesk's computation.

export interface ReconciliationRow {
  caseNumber: string;
  cause: string;
  division: string;
  judge: string;
  filedOn: string;
  closedOn: string | null;
  /** The source system's 审限届满日期 and 法定审限天数 (null where it stated none). */
  sourceDueOn: string | null;
  sourceLimitDays: number | null;
  /** CourtDesk's due date and statutory limit ("6个月") with its length in days from filing, as computed today. */
  dueOn: string | null;
  limit: string | null;
  limitDays: number | null;
  /** CourtDesk's due date minus the source's, in days: negative when the source shows more time than the law allows. */
  differenceDays: number | null;
  /** CourtDesk's arithmetic, one Chinese sentence a step, with the case as it stands now (not as the import found it). */
  steps: string[];
  /** The exchange import it came from (the latest that carried the case), and when it was recorded. */
  importFile: string;
  recordedAt: string;
}
