// The indicator catalogue: every indicator of the spec with its Chinese name, kind, better direction and formula text.

/**
 * count: a number of cases; ratio: a percentage with numerator and denominator; days: a number of days (avgDuration
 * also has median and p90); ratioPair: 案-件比, shown 1 : x; distribution: counts per bucket; perJudge: cases per judge.
 */
export type IndicatorKind = 'count' | 'ratio' | 'days' | 'ratioPair' | 'distribution' | 'perJudge';

/** Which way is better: 'higher', 'lower', or 'none' for plain workload counts that are neither good nor bad. */
export type BetterDirection = 'higher' | 'lower' | 'none';

export interface IndicatorDef {
  id: IndicatorId;
  name: string;
  kind: IndicatorKind;
  better: BetterDirection;
  /** The formula in Chinese, for tooltips and the command line. */
  formula: string;
  /** How CourtDesk reads the formula from the data it holds, where that needs saying. */
  note?: string;
}

export const INDICATOR_IDS = [
  'received', 'carriedOver', 'resolved', 'pending', 'clearanceRate', 'dispositionRate', 'onTimeRate', 'avgDuration',
  'dispositionTime', 'longPending12', 'longPending18', 'longPending36', 'pendingAge', 'overduePending', 'extensionRate',
  'appealRate', 'reversalRate', 'acceptanceRate', 'mediationRate', 'withdrawalRate', 'settlementRate', 'preMediationRate',
  'advanceMediationRate', 'normalOnTimeRate', 'longPending12Ratio', 'caseItemRatio', 'enforcementRecoveryRate',
  'enforcementCompletionRate', 'resolvedPerJudge', 'reviewRate', 'precedentRate',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

const defs: IndicatorDef[] = [
  { id: 'received', name: '新收案件数', kind: 'count', better: 'none', formula: '立案日期在期间内的案件数', note: '同时给出不含先行调解成功案件的口径' },
  { id: 'carriedOver', name: '旧存案件数', kind: 'count', better: 'none', formula: '期间开始前立案、期间开始前一日仍未结的案件数' },
  { id: 'resolved', name: '结案数', kind: 'count', better: 'none', formula: '结案日期在期间内的案件数' },
  { id: 'pending', name: '未结案件数', kind: 'count', better: 'none', formula: '期末前（含）立案、期末仍未结的案件数' },
  { id: 'clearanceRate', name: '结收比', kind: 'ratio', better: 'higher', formula: '结案数 ÷ 新收案件数' },
  { id: 'dispositionRate', name: '结案率', kind: 'ratio', better: 'higher', formula: '结案数 ÷（旧存 + 新收）' },
  { id: 'onTimeRate', name: '法定审限内结案率', kind: 'ratio', better: 'higher', formula: '已结且未超审限 ÷ 已结且有法定审限', note: '没有法定审限的案件不计入分子分母' },
  { id: 'avgDuration', name: '平均审理天数', kind: 'days', better: 'lower', formula: '已结案件（结案日 − 立案日 − 扣除天数）的平均数', note: '同时给出中位数和第 90 百分位数（最近秩法）' },
  { id: 'dispositionTime', name: '结案周期（CEPEJ）', kind: 'days', better: 'lower', formula: '期间天数 × 期末未结 ÷ 结案数' },
  { id: 'longPending12', name: '超12个月未结案件数', kind: 'count', better: 'lower', formula: '期末未结且立案日加 12 个月早于期末' },
  { id: 'longPending18', name: '超18个月未结案件数', kind: 'count', better: 'lower', formula: '期末未结且立案日加 18 个月早于期末' },
  { id: 'longPending36', name: '超36个月未结案件数', kind: 'count', better: 'lower', formula: '期末未结且立案日加 36 个月早于期末' },
  { id: 'pendingAge', name: '未结案件审理时长分布', kind: 'distribution', better: 'none', formula: '期末未结案件按立案至期末的月数分组：≤3、3–6、6–12、12–18、18–36、>36 个月' },
  { id: 'overduePending', name: '超审限未结案件数', kind: 'count', better: 'lower', formula: '期末未结且审限届满日早于期末', note: '按现存的审限届满日判断；中止等扣除期间未结束的案件没有届满日，不计入' },
  { id: 'extensionRate', name: '延长审限率', kind: 'ratio', better: 'lower', formula: '已结且经批准延长审限 ÷ 已结且有法定审限' },
  { id: 'appealRate', name: '上诉率', kind: 'ratio', better: 'lower', formula: '一审已结且被上诉 ÷ 一审以判决、裁定或驳回起诉结案' },
  { id: 'reversalRate', name: '改判发回率', kind: 'ratio', better: 'lower', formula: '一审已结、二审改判或发回重审 ÷ 一审已结', note: '改判、发回重审也分别给出' },
  { id: 'acceptanceRate', name: '一审服判息诉率', kind: 'ratio', better: 'higher', formula: '一审已结且未上诉 ÷ 一审已结', note: '本程序尚不记录申请再审，暂按“未上诉”计算' },
  { id: 'mediationRate', name: '调解率', kind: 'ratio', better: 'higher', formula: '民事案件以调解结案 ÷ 民事案件结案数' },
  { id: 'withdrawalRate', name: '撤诉率', kind: 'ratio', better: 'none', formula: '民事案件以撤诉结案 ÷ 民事案件结案数' },
  { id: 'settlementRate', name: '调撤率', kind: 'ratio', better: 'higher', formula: '民事案件以调解或撤诉结案 ÷ 民事案件结案数' },
  { id: 'preMediationRate', name: '诉前调解成功率', kind: 'ratio', better: 'higher', formula: '诉前调案件以调解或撤诉结案 ÷ 诉前调案件结案数', note: '只适用于 2025 年以前的诉前调案件' },
  { id: 'advanceMediationRate', name: '先行调解成功率', kind: 'ratio', better: 'higher', formula: '期间内先行调解成功结束的民初案件 ÷ 期间内先行调解结束的民初案件', note: '调解成功、撤诉、当场履行算成功；调解不成转审理算不成功' },
  { id: 'normalOnTimeRate', name: '法定正常审限内结案率', kind: 'ratio', better: 'higher', formula: '未经延长且在审限内结案 ÷ 已结且有法定审限' },
  { id: 'longPending12Ratio', name: '超12个月未结案件比', kind: 'ratio', better: 'lower', formula: '超12个月未结案件数 ÷ 期末未结案件数' },
  { id: 'caseItemRatio', name: '案-件比', kind: 'ratioPair', better: 'lower', formula: '1 : 件÷案；案 = 期间内新收的一审案件，件 = 这些案件加上本库中经原审案号与之相连的后续案件', note: '本院数据库内的口径，非最高法院官方口径；1 : 1.00 为理想' },
  { id: 'enforcementRecoveryRate', name: '执行到位率', kind: 'ratio', better: 'higher', formula: '执行到位金额之和 ÷ 申请执行标的额之和，只算已结的“执”案件', note: '未填申请执行标的额的案件不计入；分子分母单位为元' },
  { id: 'enforcementCompletionRate', name: '执行完毕率', kind: 'ratio', better: 'higher', formula: '以执行完毕结案的“执”案件 ÷ 已结的“执”案件' },
  { id: 'resolvedPerJudge', name: '人均结案数', kind: 'perJudge', better: 'higher', formula: '结案数 ÷ 期间内在岗的员额法官人数', note: '在岗法官暂按期间内有在办案件（旧存或新收）的承办法官计' },
  { id: 'reviewRate', name: '阅核率', kind: 'ratio', better: 'higher', formula: '以判决结案且记录了阅核 ÷ 以判决结案' },
  { id: 'precedentRate', name: '类案检索率', kind: 'ratio', better: 'higher', formula: '以判决结案且记录了类案检索 ÷ 以判决结案' },
];

export const INDICATORS: Readonly<Record<IndicatorId, IndicatorDef>> = Object.freeze(Object.fromEntries(defs.map((d) => [d.id, d])) as Record<IndicatorId, IndicatorDef>);

/** The pendingAge buckets, in months, by the month rule: each bucket is "more than the previous bound, at most this one". */
export const AGE_BOUNDS = [3, 6, 12, 18, 36] as const;
export const AGE_BUCKETS = ['≤3', '3–6', '6–12', '12–18', '18–36', '>36'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
