// Hand-built LedgerView objects for the 台账 documents' tests: weak points with targets then and now, measures in every status (a late finish among them), progress entries, a weak point with no measure.
import type { LedgerFigure, LedgerView, MeasureView, ProgressView, TargetView, WeakPointView } from '../../shared/ledger/api';
import { MEASURE_KIND_LABELS, MEASURE_STATUS_LABELS, type MeasureStatus } from '../../shared/ledger/rules';

const figure = (text: string, value: number | null): LedgerFigure => ({ from: '2026-11-05', to: '2026-12-04', value, numerator: null, denominator: null, text });

export function target(over: Partial<TargetView> = {}): TargetView {
  return {
    indicator: 'longPending12Ratio', name: '超12个月未结案件比', target: 0.02, targetText: '≤ 2.00%', dueOn: '2027-06-30',
    then: figure('3.41%', 0.0341), now: figure('2.35%', 0.0235), met: false, ...over,
  };
}

export function progress(id: number, onDate: string, text: string, over: Partial<ProgressView> = {}): ProgressView {
  return { id, onDate, text, done: false, recordedBy: '张三', recordedAt: `${onDate}T09:00:00Z`, evidence: [], ...over };
}

export function measure(id: number, weakPointIds: number[], status: MeasureStatus, over: Partial<MeasureView> = {}): MeasureView {
  return {
    id, kind: 'rectify', kindLabel: MEASURE_KIND_LABELS.rectify, text: `措施${id}：开展长期未结案件专项清理`, weakPointIds,
    leader: { staffId: 1, name: '李副院长' }, owner: { staffId: 2, name: '王庭长' }, division: { divisionId: 1, name: '民一庭' },
    startOn: '2026-09-01', dueOn: '2026-12-31', doneOn: null, status, statusLabel: MEASURE_STATUS_LABELS[status], doneLate: false, dueSoon: false,
    origin: 'local', meetingId: null, progress: [], canRecord: true, ...over,
  };
}

export function weakPoint(id: number, measureIds: number[], over: Partial<WeakPointView> = {}): WeakPointView {
  return {
    id, text: `薄弱点${id}：长期未结案件偏多`, foundBy: 'intermediate', foundByLabel: '中院', foundOn: '2026-08-15', targets: [target()],
    measureIds, firstStartOn: measureIds.length ? '2026-09-01' : null, ...over,
  };
}

export function ledgerView(weakPoints: WeakPointView[], measures: MeasureView[], today = '2026-12-05'): LedgerView {
  const counts = { notStarted: 0, inProgress: 0, done: 0, overdue: 0 };
  for (const m of measures) counts[m.status]++;
  return { today, weakPoints, measures, counts, canManage: true };
}

/** Two weak points with four measures (推进中 due soon, 逾期, 已完成 late, 未开始), a third with none. */
export function sampleLedger(): LedgerView {
  const measures = [
    measure(11, [1], 'inProgress', {
      text: '建立长期未结案件台账，逐案明确结案期限', dueOn: '2026-12-15', dueSoon: true,
      progress: [
        progress(1, '2026-09-10', '完成全院超12个月未结案件排查，共 37 件'),
        progress(2, '2026-10-10', '召开专项推进会，逐案落实承办法官'),
        progress(3, '2026-11-10', '已结 21 件', { evidence: [{ id: 1, name: '推进会纪要.pdf', size: 1000, mime: 'application/pdf' }] }),
        progress(4, '2026-12-01', '剩余 16 件列入院长督办'),
      ],
    }),
    measure(12, [1], 'overdue', { text: '院庭长带头办理疑难长期未结案件', leader: { staffId: 3, name: '赵院长' }, owner: { staffId: 4, name: '孙法官' }, dueOn: '2026-11-30' }),
    measure(13, [2], 'done', {
      kind: 'help', kindLabel: MEASURE_KIND_LABELS.help, text: '中院派员指导审限管理', origin: 'return', leader: { staffId: null, name: '中院审管办主任' },
      owner: { staffId: null, name: '中院周法官' }, division: { divisionId: null, name: '中院审管办' }, dueOn: '2026-10-31', doneOn: '2026-11-12', doneLate: true,
      progress: [progress(5, '2026-11-12', '指导完成', { done: true })],
    }),
    measure(14, [2], 'notStarted', { text: '审限届满前 15 日逐案提醒', startOn: '2027-01-01', dueOn: '2027-03-31', owner: { staffId: 5, name: '钱书记员' }, division: { divisionId: 2, name: '审管办' } }),
  ];
  return ledgerView([
    weakPoint(1, [11, 12]),
    weakPoint(2, [13, 14], {
      text: '法定审限内结案率偏低', foundBy: 'self', foundByLabel: '本院', foundOn: '2026-08-20',
      targets: [target({ indicator: 'onTimeRate', name: '法定审限内结案率', target: 0.95, targetText: '≥ 95.00%', dueOn: '2027-03-31', then: figure('88.20%', 0.882), now: figure('96.10%', 0.961), met: true })],
    }),
    weakPoint(3, [], { text: '结收比偏低', foundBy: 'high', foundByLabel: '高院', targets: [target({ indicator: 'clearanceRate', name: '结收比', targetText: '≥ 1 : 1.00', target: 1, then: null, now: figure('1 : 0.93', 0.93) })] }),
  ], measures);
}
