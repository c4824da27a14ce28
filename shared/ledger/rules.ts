// The 脱薄 ledger's rules as pure functions: a measure's status from its dates, which indicators a weak point may name, how a target is read and whether it is met.
import { addDays, type IsoDate } from '../dates/calendar';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '../indicators/catalogue';

export const FOUND_BY = ['self', 'intermediate', 'high'] as const;
export type FoundBy = (typeof FOUND_BY)[number];
export const FOUND_BY_LABELS: Record<FoundBy, string> = { self: '本院', intermediate: '中院', high: '高院' };

/** 整改措施 are the court's own; 帮扶措施 are the intermediate court's help, recorded here or brought by its return file. */
export const MEASURE_KINDS = ['rectify', 'help'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = { rectify: '整改措施', help: '帮扶措施' };

export const MEASURE_STATUSES = ['notStarted', 'inProgress', 'done', 'overdue'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = { notStarted: '未开始', inProgress: '推进中', done: '已完成', overdue: '逾期' };

/** An owner's start page lists his open measures due within this many days (and those already overdue). */
export const DUE_SOON_DAYS = 15;

export interface MeasureDates {
  startOn: IsoDate;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
}

/**
 * 已完成 once marked done (whenever that was: finishing late is shown by doneOn against dueOn, not by a fifth status);
 * otherwise 逾期 from the day after the deadline, 未开始 before the start day, and 推进中 between.
 */
export function measureStatus(m: MeasureDates, today: IsoDate): MeasureStatus {
  if (m.doneOn !== null) return 'done';
  if (today > m.dueOn) return 'overdue';
  if (today < m.startOn) return 'notStarted';
  return 'inProgress';
}

/** Finished after its deadline: 已完成 still, and said so beside it. */
export function doneLate(m: MeasureDates): boolean {
  return m.doneOn !== null && m.doneOn > m.dueOn;
}

/** An open measure whose deadline falls within DUE_SOON_DAYS of today (today included), or has passed. */
export function dueSoon(m: MeasureDates, today: IsoDate): boolean {
  return m.doneOn === null && m.dueOn <= addDays(today, DUE_SOON_DAYS);
}

/** Indicators a weak point may name: those with a better direction, so a target has a side (not plain counts of work, nor the age distribution). */
export const TARGET_INDICATORS: readonly IndicatorId[] = INDICATOR_IDS.filter((id) => INDICATORS[id].better !== 'none' && INDICATORS[id].kind !== 'distribution');

export function isTargetIndicator(id: string): id is IndicatorId {
  return (TARGET_INDICATORS as readonly string[]).includes(id);
}

/**
 * A target as typed: "2%" or "2 %" is 0.02 for a ratio; a ratio without % is read as the fraction itself (结收比 may
 * be 1.05, so a bare 2 cannot be taken for 2 %); counts, days and 案-件比 are plain numbers. Null: not a number the
 * indicator can take (the caller names the field).
 */
export function parseTarget(id: IndicatorId, text: string): number | null {
  const t = text.trim().replace(/％/g, '%');
  const percent = /^([0-9]+(?:\.[0-9]+)?)\s*%$/.exec(t);
  const plain = /^[0-9]+(?:\.[0-9]+)?$/.test(t) ? Number(t) : null;
  const kind = INDICATORS[id].kind;
  if (percent) return kind === 'ratio' ? Number(percent[1]) / 100 : null;
  if (plain === null || !Number.isFinite(plain)) return null;
  return plain;
}

/** Whether a value reaches its target on the indicator's better side (the target itself counts as reached). */
export function targetMet(id: IndicatorId, target: number, value: number | null): boolean | null {
  if (value === null) return null;
  return INDICATORS[id].better === 'lower' ? value <= target : value >= target;
}

/** "≤ 2.00%" or "≥ 95.00%" or "≤ 30 天": the target with its side, as the ledger and its documents print it. */
export function targetText(id: IndicatorId, target: number): string {
  const def = INDICATORS[id];
  const side = def.better === 'lower' ? '≤' : '≥';
  if (def.kind === 'ratio') return `${side} ${(target * 100).toFixed(2)}%`;
  if (def.kind === 'days') return `${side} ${target} 天`;
  if (def.kind === 'ratioPair') return `${side} 1 : ${target.toFixed(2)}`;
  return `${side} ${target}`;
}
