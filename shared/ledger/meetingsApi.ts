// The monthly analysis meetings (月分析会): list, one meeting with the measures created from it, and a new one with a snapshot of the figures discussed as they stood.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { isoDate } from '../api/fields';
import type { IsoDate } from '../dates/calendar';
import type { IndicatorId } from '../indicators/catalogue';
import { MAX_PERIOD_DAYS } from '../indicators/api';
import { isRanged, type IndicatorRange, type RangeStatus } from '../indicators/ranges';

export const MEETING_TITLE_MAX = 100;
export const MEETING_DECISIONS_MAX = 5000;
export const MEETING_ATTENDEE_MAX = 20;
export const MEETING_ATTENDEES_MAX = 40;
export const MEETING_INDICATORS_MAX = 20;

/** One indicator's figure for the meeting's period as it stood when the meeting was saved; never recomputed. */
export interface SnapshotFigure {
  indicator: IndicatorId;
  /** The name at saving (a later rename of the catalogue leaves the record as it was). */
  name: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** "3.4%（34/1000）" */
  text: string;
  range: IndicatorRange | null;
  status: RangeStatus;
}

export interface MeetingSummary {
  id: number;
  heldOn: IsoDate;
  title: string;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  attendees: string[];
  /** How many indicators were discussed, and how many of them lay outside their reasonable range. */
  indicators: number;
  outside: number;
  measures: number;
}

export interface MeetingMeasure {
  id: number;
  text: string;
  kindLabel: string;
  ownerName: string;
  divisionName: string;
  startOn: IsoDate;
  dueOn: IsoDate;
  statusLabel: string;
}

export interface MeetingView extends MeetingSummary {
  decisions: string;
  snapshot: SnapshotFigure[];
  createdBy: string;
  createdAt: string;
  /** The measures created from this meeting (ledger_measures.meeting_id). */
  createdMeasures: MeetingMeasure[];
  /** Whether the reader may add measures (ledger.manage). */
  canManage: boolean;
}

const attendee = z.string().trim().min(1, '参会人员姓名不能为空').max(MEETING_ATTENDEE_MAX, `参会人员姓名最多 ${MEETING_ATTENDEE_MAX} 个字`);

export const addMeetingArgs = z
  .object({
    heldOn: isoDate,
    title: z.string().trim().min(1, '请填写会议名称').max(MEETING_TITLE_MAX, `会议名称最多 ${MEETING_TITLE_MAX} 个字`),
    attendees: z.array(attendee).min(1, '请填写参会人员').max(MEETING_ATTENDEES_MAX, `参会人员最多 ${MEETING_ATTENDEES_MAX} 人`),
    decisions: z.string().trim().max(MEETING_DECISIONS_MAX, `会议决定最多 ${MEETING_DECISIONS_MAX} 个字`).default(''),
    /** The period discussed; both or neither (neither: the calendar month before the meeting's day). */
    periodFrom: isoDate.optional(),
    periodTo: isoDate.optional(),
    indicators: z
      .array(z.string().refine(isRanged, '没有这个指标（或该指标没有单一数值）'))
      .min(1, '请选择会上分析的指标')
      .max(MEETING_INDICATORS_MAX, `一次最多分析 ${MEETING_INDICATORS_MAX} 个指标`),
  })
  .strict()
  .superRefine((a, ctx) => {
    if ((a.periodFrom === undefined) !== (a.periodTo === undefined)) {
      ctx.addIssue({ code: 'custom', path: [a.periodFrom === undefined ? 'periodFrom' : 'periodTo'], message: '分析期间的起止日期应同时填写' });
    } else if (typeof a.periodFrom === 'string' && typeof a.periodTo === 'string') {
      if (a.periodFrom > a.periodTo) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: `分析期间的截止日期 ${a.periodTo} 早于起始日期 ${a.periodFrom}` });
      else if (a.periodFrom < '1900-01-01') ctx.addIssue({ code: 'custom', path: ['periodFrom'], message: '分析期间的起始日期早于 1900 年' });
      else if ((Date.parse(a.periodTo) - Date.parse(a.periodFrom)) / 86_400_000 + 1 > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: `分析期间最长 ${MAX_PERIOD_DAYS} 天` });
    }
    const seen = new Set<string>();
    a.indicators.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['indicators', i], message: '同一指标选择了两次' });
      seen.add(id);
    });
  });
export type AddMeetingArgs = z.input<typeof addMeetingArgs>;

export const ledgerMeetingsApi = defineCalls({
  'ledger.meetings': { args: z.object({}).strict(), access: 'ledger.view', result: returns<MeetingSummary[]>() },
  'ledger.meeting': {
    args: z.object({ id: z.number({ error: '请选择分析会' }).int('分析会编号应为整数').positive('分析会编号应为正整数') }).strict(),
    access: 'ledger.view',
    result: returns<MeetingView>(),
  },
  'ledger.addMeeting': { args: addMeetingArgs, access: 'ledger.manage', result: returns<{ id: number }>() },
});
