// Deterministic synthetic court for demos, tests and the benchmark: divisions, staff, and about ten years of cases, yielded lazily.
import { addDays, addMonths, daysBetween, isIsoDate } from '../../../shared/dates/calendar';
import { parseCaseNumber } from '../../../shared/cases/caseNumber';
import { limitRule } from '../../../shared/deadlines/limits';
import type { AppealOutcome, CaseRecord, ClosingMethod, EventKind, ExtensionStatus, LimitVariant, Procedure } from '../../../shared/cases/types';
import { ADVANCE_MEDIATION_FROM, MEDIATION_MAX_EXTENSION_DAYS, type MediationDestination, type MediationOutcome } from '../../../shared/cases/caseWork';
// The app's own rules for 先行调解 (how an outcome closes a case, the kind of the deducted extension), so that seeded
// mediations are what recording them in the window would have written.
import { EXTENSION_KIND, OUTCOME_CLOSES } from '../cases/mediation';
import type { ExtensionReason } from '../../../shared/extensions/rules';
import type {
  GeneratedCase, GeneratedCourt, GeneratedDivision, GeneratedEvent, GeneratedExtension, GeneratedMediation, GeneratedStaff, GeneratorOptions, StaffRole,
} from './types';
import { Random, Weighted } from './random';
import {
  ADMINISTRATIVE_CAUSES, CIVIL_CAUSES, CRIMINAL_CHARGES, PUBLIC_SUMMONS_CAUSE, SPECIAL_PROCEDURE_CAUSES, type CivilGroup,
} from './catalogueSample';

// ---------------------------------------------------------------------------------------------------------------
// Names

/** Common surnames with rough frequencies (percent), so 王 and 李 dominate as they do in any court's docket. */
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 7.1], ['李', 7.0], ['张', 6.7], ['刘', 5.4], ['陈', 4.5], ['杨', 3.1], ['黄', 2.2], ['赵', 2.0], ['吴', 2.0], ['周', 1.9],
  ['徐', 1.5], ['孙', 1.5], ['马', 1.3], ['朱', 1.3], ['胡', 1.2], ['郭', 1.1], ['何', 1.1], ['高', 1.0], ['林', 1.0], ['罗', 0.9],
  ['郑', 0.9], ['梁', 0.9], ['谢', 0.8], ['宋', 0.8], ['唐', 0.8], ['许', 0.7], ['韩', 0.7], ['冯', 0.7], ['邓', 0.7], ['曹', 0.6],
  ['彭', 0.6], ['曾', 0.6], ['肖', 0.6], ['田', 0.6], ['董', 0.5], ['袁', 0.5], ['潘', 0.5], ['于', 0.5], ['蒋', 0.5], ['蔡', 0.5],
  ['余', 0.5], ['杜', 0.5], ['叶', 0.4], ['程', 0.4], ['苏', 0.4], ['魏', 0.4], ['吕', 0.4], ['丁', 0.4], ['任', 0.4], ['沈', 0.4],
  ['姚', 0.4], ['卢', 0.4], ['姜', 0.4], ['崔', 0.4], ['钟', 0.3], ['谭', 0.3], ['陆', 0.3], ['汪', 0.3], ['范', 0.3], ['金', 0.3],
  ['石', 0.3], ['廖', 0.3], ['贾', 0.3], ['夏', 0.3], ['韦', 0.3], ['付', 0.3], ['方', 0.3], ['白', 0.3], ['邹', 0.3], ['孟', 0.3],
  ['熊', 0.3], ['秦', 0.3], ['邱', 0.3], ['江', 0.3], ['尹', 0.3], ['薛', 0.2], ['闫', 0.2], ['段', 0.2], ['雷', 0.2], ['侯', 0.2],
  ['龙', 0.2], ['史', 0.2], ['陶', 0.2], ['黎', 0.2], ['贺', 0.2], ['顾', 0.2], ['毛', 0.2], ['郝', 0.2], ['龚', 0.2], ['邵', 0.2],
  ['万', 0.2], ['钱', 0.2], ['严', 0.2], ['武', 0.2], ['戴', 0.2], ['孔', 0.2], ['常', 0.15], ['康', 0.15], ['牛', 0.1], ['关', 0.1],
  ['欧阳', 0.05], ['上官', 0.01], ['司马', 0.01], ['诸葛', 0.01],
];
const MALE_CHARS = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林东峰建国志海亮成文永振春庆德福贵宝立新金玉山晨阳彬博'.split('');
const FEMALE_CHARS = '芳娜敏静丽艳娟霞秀英兰玲燕红梅琳婷雪慧颖倩琴云洁萍莉晶丹凤桂珍翠淑月佳欣悦怡晓蕾璐薇冬梦雨'.split('');

const COUNTIES = ['清源县', '安平县', '临川县', '青石县', '东阳县', '兴和县', '永宁县', '河口县', '龙泉县', '白山县', '宁远县', '靖安县'];
const CITIES = ['江城市', '临海市', '东平市', '北山市', '安宁市', '新城市', '南丰市', '通远市'];
const TOWNS = ['柳河镇', '石桥镇', '杨树沟乡', '大王庄镇', '红旗镇', '黄土坡乡', '三道沟镇', '马家店镇', '新立屯镇', '前进乡', '太平镇', '双河镇'];
const BRANDS = '宏达 鑫源 恒通 金泰 华盛 永信 兴隆 瑞丰 盛达 天成 福源 中联 广汇 顺发 金鼎 博远 东方 新世纪 利民 佳和 正大 隆盛 辉煌 德信 万通 安泰 昌盛 富民 嘉禾 众诚 鼎盛 聚源 荣达 远航 恒泰 信诚 天润 汇通 北方 金诺'.split(' ');
const INDUSTRIES = '商贸 建筑工程 房地产开发 农业科技 汽车销售 建材 物流 餐饮管理 食品 机械制造 装饰工程 石材 钢材 化工 医药 电子科技 农牧 粮油 劳务 信息技术 矿业 服装 混凝土 运输 农资'.split(' ');
const BANKS = ['中国农业银行股份有限公司', '中国工商银行股份有限公司', '中国建设银行股份有限公司', '中国银行股份有限公司', '中国邮政储蓄银行股份有限公司', '交通银行股份有限公司'];
const CARD_CENTRES = ['招商银行股份有限公司信用卡中心', '中信银行股份有限公司信用卡中心', '广发银行股份有限公司信用卡中心', '交通银行股份有限公司太平洋信用卡中心', '平安银行股份有限公司信用卡中心', '浦发银行股份有限公司信用卡中心'];
const INSURERS = ['中国人民财产保险股份有限公司', '中国平安财产保险股份有限公司', '中国太平洋财产保险股份有限公司', '中华联合财产保险股份有限公司', '阳光财产保险股份有限公司', '中国大地财产保险股份有限公司'];
const ASSET_MANAGERS = ['中国长城资产管理股份有限公司', '中国信达资产管理股份有限公司', '中国东方资产管理股份有限公司', '中国华融资产管理股份有限公司'];

/** The long tribunal name is deliberate: it exercises the UI's column widths and truncation. */
const LONG_TRIBUNAL = '新农村建设示范区巡回审判人民法庭';

// ---------------------------------------------------------------------------------------------------------------
// Case mix and the per-stage behaviour that makes durations, extensions and deductions look like a weak court's

const TYPE_MIX: ReadonlyArray<readonly [string, number]> = [
  ['民初', 45], ['民特', 2], ['民催', 0.6], ['民申', 0.1], ['民再', 0.15], ['刑初', 7], ['行初', 2],
  ['执', 26], ['执保', 2], ['执异', 2], ['执恢', 2], ['诉前调', 8],
];
/**
 * Since 2025-01-01 the SPC issues no 诉前调 numbers: the disputes that went to pre-litigation mediation are filed as
 * 民初, and a share of those go to 先行调解 inside the case. So from that day the 诉前调 weight moves to 民初.
 */
const TYPE_MIX_SINCE_2025: ReadonlyArray<readonly [string, number]> = TYPE_MIX
  .filter(([t]) => t !== '诉前调')
  .map(([t, w]) => [t, t === '民初' ? w + TYPE_MIX.find(([m]) => m === '诉前调')![1] : w] as const);

/** Share of failed 诉前调 whose dispute comes back as a 民初 case naming it as 原审案号 (the others give up or settle). */
const FAILED_MEDIATION_FILED = 0.7;

// ---------------------------------------------------------------------------------------------------------------
// 先行调解 (since 2025-01-01): which 民初 cases go to it, where, and how it ends

/** Share of the 民初 cases filed since 2025 that both parties agree to send to 先行调解. */
const ADVANCE_MEDIATION_SHARE = 0.25;
/** Share of mediations whose parties consent to more days beyond the first 15 (or 7). */
const MEDIATION_EXTENDED_SHARE = 0.3;
const MEDIATION_DESTINATIONS_W = Weighted.of<MediationDestination>([['特邀调解员', 45], ['律师调解', 15], ['法官调解团队', 20], ['外部调解中心', 20]]);
/** About half settle or are withdrawn, as courts report for 先行调解; the rest go on to trial. */
const MEDIATION_OUTCOMES_W = Weighted.of<MediationOutcome>([['调解成功', 30], ['撤诉', 12], ['当场履行', 6], ['调解不成转审理', 52]]);
const MEDIATION_TEAMS = ['第一', '第二', '第三'];

type PartyPattern =
  | 'person' | 'business' | 'bank' | 'card' | 'microloan' | 'leasing' | 'property' | 'heat' | 'power' | 'assignee'
  | 'traffic' | 'insurerPlaintiff' | 'insuredPlaintiff' | 'couple' | 'family' | 'labor';

interface CivilCause {
  name: string;
  group: CivilGroup;
  median: number;
  sigma: number;
  /** Share of cases asking for no sum of money (a divorce without a property claim, a neighbour's right of way). */
  pNoAmount: number;
  parties: PartyPattern;
}

const CAUSE_TRAITS: Record<string, Partial<Omit<CivilCause, 'name' | 'group'>>> = {
  金融借款合同纠纷: { median: 120_000, parties: 'bank' },
  信用卡纠纷: { median: 25_000, sigma: 0.8, parties: 'card' },
  小额借款合同纠纷: { median: 12_000, sigma: 0.7, parties: 'microloan' },
  融资租赁合同纠纷: { median: 150_000, parties: 'leasing' },
  借款合同纠纷: { median: 80_000, parties: 'business' },
  保证合同纠纷: { median: 200_000, parties: 'business' },
  债权转让合同纠纷: { median: 300_000, parties: 'assignee' },
  物业服务合同纠纷: { median: 4_500, sigma: 0.5, parties: 'property' },
  供用热力合同纠纷: { median: 5_000, sigma: 0.5, parties: 'heat' },
  供用电合同纠纷: { median: 20_000, parties: 'power' },
  机动车交通事故责任纠纷: { median: 90_000, parties: 'traffic' },
  非机动车交通事故责任纠纷: { median: 30_000 },
  保险人代位求偿权纠纷: { median: 30_000, parties: 'insurerPlaintiff' },
  财产保险合同纠纷: { median: 60_000, parties: 'insuredPlaintiff' },
  人身保险合同纠纷: { median: 80_000, parties: 'insuredPlaintiff' },
  建设工程施工合同纠纷: { median: 500_000, parties: 'business' },
  买卖合同纠纷: { median: 80_000, parties: 'business' },
  承揽合同纠纷: { parties: 'business' },
  装饰装修合同纠纷: { median: 40_000 },
  公路货物运输合同纠纷: { parties: 'business' },
  股权转让纠纷: { median: 300_000, parties: 'business' },
  股东出资纠纷: { median: 200_000, parties: 'business' },
  服务合同纠纷: { parties: 'business' },
  信息网络买卖合同纠纷: { median: 8_000, parties: 'business' },
  房屋租赁合同纠纷: { median: 30_000 },
  租赁合同纠纷: { parties: 'business' },
  车辆租赁合同纠纷: { median: 20_000 },
  商品房预售合同纠纷: { median: 200_000, parties: 'business' },
  教育培训合同纠纷: { median: 10_000, parties: 'business' },
  产品责任纠纷: { parties: 'business' },
  离婚纠纷: { pNoAmount: 0.75, median: 100_000, parties: 'couple' },
  探望权纠纷: { pNoAmount: 1, parties: 'couple' },
  变更抚养关系纠纷: { pNoAmount: 1, parties: 'couple' },
  抚养费纠纷: { median: 20_000, sigma: 0.6, parties: 'family' },
  赡养费纠纷: { median: 15_000, sigma: 0.6, parties: 'family' },
  离婚后财产纠纷: { parties: 'couple' },
  婚约财产纠纷: { median: 60_000, sigma: 0.6 },
  法定继承纠纷: { pNoAmount: 0.4, parties: 'family' },
  分家析产纠纷: { pNoAmount: 0.5, parties: 'family' },
  共有物分割纠纷: { pNoAmount: 0.5, parties: 'family' },
  相邻关系纠纷: { pNoAmount: 0.8 },
  排除妨害纠纷: { pNoAmount: 0.7 },
  宅基地使用权纠纷: { pNoAmount: 0.8 },
  土地承包经营权纠纷: { pNoAmount: 0.6 },
  侵害集体经济组织成员权益纠纷: { pNoAmount: 0.5, median: 30_000 },
  名誉权纠纷: { pNoAmount: 0.4, median: 10_000 },
  确认劳动关系纠纷: { pNoAmount: 0.9, parties: 'labor' },
  案外人执行异议之诉: { pNoAmount: 0.3, parties: 'business' },
};

const GROUP_PARTIES: Record<CivilGroup, PartyPattern> = {
  family: 'family', property: 'person', contract: 'person', finance: 'bank', commercial: 'business', labor: 'labor', tort: 'person',
};

/** Share of a group's 民初 cases heard in a people's tribunal rather than at the court's seat. */
const TRIBUNAL_SHARE: Record<CivilGroup, number> = {
  family: 0.5, property: 0.5, tort: 0.4, labor: 0.3, contract: 0.35, finance: 0.15, commercial: 0.1,
};
const GROUP_DIVISION: Record<CivilGroup, string> = {
  family: '民一庭', property: '民一庭', tort: '民一庭', labor: '民一庭', contract: '民二庭', finance: '商事审判庭', commercial: '商事审判庭',
};

/** How much faster than a judgment a case closes by each method: a withdrawal ends early, a transfer earlier still. */
const METHOD_PACE: Record<ClosingMethod, number> = {
  判决: 1, 调解: 0.75, 撤诉: 0.55, 驳回起诉: 0.8, 裁定: 0.7, 移送: 0.3, 执行完毕: 0.8, 终结本次执行: 1, 其他: 0.7,
};

// Each reason as a judge words it, with the reason of the request form it falls under (shared/extensions/rules.ts),
// so the demo's 延审原因分析 shows a court's mix rather than one bucket of uncoded rows.
type ExtReason = readonly [text: string, code: ExtensionReason];
const CIVIL_EXT_REASONS: readonly ExtReason[] = [
  ['案情复杂需要鉴定', '鉴定未完成'], ['当事人申请延期举证', '其他'], ['涉及众多当事人', '案情复杂'],
  ['需要等待关联案件审理结果', '等待关联案件结果'], ['当事人下落不明需公告送达', '公告送达'],
  ['双方当事人有和解意愿正在调解', '当事人申请调解'], ['涉及专业技术问题需要咨询', '案情复杂'], ['需要调取的证据尚未到位', '其他'],
  ['涉及土地权属需政府先行处理', '等待关联案件结果'], ['当事人申请追加第三人', '追加当事人'], ['需要委托审计', '鉴定未完成'],
  ['当事人申请重新鉴定', '鉴定未完成'],
];
const ENFORCEMENT_EXT_REASONS: readonly ExtReason[] = [
  ['被执行财产正在评估拍卖', '鉴定未完成'], ['被执行人有履行意愿正在分期履行', '当事人申请调解'], ['涉案财产需多方协调处置', '案情复杂'],
  ['案外人提出异议正在审查', '等待关联案件结果'], ['被执行人下落不明正在查找', '公告送达'], ['涉及土地房产过户需协调不动产登记部门', '其他'],
];
const CRIMINAL_EXT_REASONS: readonly ExtReason[] = [
  ['被告人人数较多案情复杂', '案情复杂'], ['需要等待鉴定意见', '鉴定未完成'], ['附带民事诉讼正在调解', '当事人申请调解'],
  ['重大复杂案件需提交审判委员会讨论', '案情复杂'],
];
const ADMINISTRATIVE_EXT_REASONS: readonly ExtReason[] = [
  ['涉及土地权属需要调查', '案情复杂'], ['案情重大复杂', '案情复杂'], ['涉及群体性纠纷需协调化解', '其他'],
];

interface Profile {
  typeCode: string;
  procedure: Procedure | null;
  variant: LimitVariant | null;
  hasLimit: boolean;
  limitMonths: number;
  limitDays: number;
  /** What one extension grants, in months (0: none can be granted). */
  extMonths: number;
  /** Counted days of an ordinary case closed in time. */
  lo: number;
  hi: number;
  pLate: number;
  pStuck: number;
  /** Chance that an ordinary case runs past the statutory limit on an approved extension. */
  pExt: number;
  pEvents: number;
  events: Weighted<EventKind> | null;
  methods: Weighted<ClosingMethod>;
  lateMethods: Weighted<ClosingMethod>;
  /** Days before the due date an extension is requested, as [lo, hi]. */
  extLead: readonly [number, number];
  extReasons: readonly ExtReason[];
  /** Stuck cases of this kind are sometimes suspended for good (中止 with no resumption yet). */
  canHang: boolean;
}

type ProfileSpec = Omit<Profile, 'hasLimit' | 'limitMonths' | 'limitDays' | 'extMonths' | 'methods' | 'lateMethods' | 'events'> & {
  extMonths?: number;
  methods: ReadonlyArray<readonly [ClosingMethod, number]>;
  lateMethods?: ReadonlyArray<readonly [ClosingMethod, number]>;
  events?: ReadonlyArray<readonly [EventKind, number]>;
};

function makeProfile(spec: ProfileSpec): Profile {
  // The limit comes from the shared table so the generator and the engine can never disagree about it.
  const rule = limitRule(spec.typeCode, spec.procedure, spec.variant);
  return {
    ...spec,
    hasLimit: rule !== null,
    limitMonths: rule ? rule.limit.months : 0,
    limitDays: rule ? rule.limit.days : 0,
    extMonths: spec.extMonths ?? (rule?.presidentMax ? rule.presidentMax.months : 0),
    methods: Weighted.of(spec.methods),
    lateMethods: Weighted.of(spec.lateMethods ?? spec.methods),
    events: spec.events ? Weighted.of(spec.events) : null,
  };
}

const CIVIL_METHODS: ReadonlyArray<readonly [ClosingMethod, number]> = [
  ['判决', 35], ['调解', 25], ['撤诉', 30], ['驳回起诉', 3], ['裁定', 3], ['移送', 2], ['其他', 2],
];
const CIVIL_LATE_METHODS: ReadonlyArray<readonly [ClosingMethod, number]> = [['判决', 60], ['调解', 15], ['撤诉', 15], ['驳回起诉', 4], ['裁定', 3], ['其他', 3]];
const ENF_METHODS: ReadonlyArray<readonly [ClosingMethod, number]> = [['执行完毕', 45], ['终结本次执行', 40], ['其他', 10], ['撤诉', 3], ['裁定', 2]];
const ENF_LATE_METHODS: ReadonlyArray<readonly [ClosingMethod, number]> = [['执行完毕', 30], ['终结本次执行', 60], ['其他', 10]];
const CRIM_METHODS: ReadonlyArray<readonly [ClosingMethod, number]> = [['判决', 95], ['撤诉', 2], ['裁定', 1.5], ['其他', 1.5]];
const CIVIL_EVENTS: ReadonlyArray<readonly [EventKind, number]> = [
  ['公告', 35], ['鉴定', 25], ['评估', 6], ['审计', 3], ['和解', 8], ['管辖异议', 15], ['中止', 8],
];
// Simple and small-claims procedures cannot serve by publication: such a case is converted to ordinary procedure instead.
const SIMPLE_EVENTS: ReadonlyArray<readonly [EventKind, number]> = [['鉴定', 35], ['管辖异议', 35], ['和解', 20], ['评估', 5], ['中止', 5]];
const ENF_EVENTS: ReadonlyArray<readonly [EventKind, number]> = [['评估', 20], ['拍卖', 25], ['暂缓执行', 12], ['和解', 25], ['中止', 10], ['公告', 8]];

const PROFILE_SPECS: ProfileSpec[] = [
  { typeCode: '民初', procedure: '普通程序', variant: null, lo: 50, hi: 175, pLate: 0.03, pStuck: 0.03, pExt: 0.09, pEvents: 0.25,
    events: CIVIL_EVENTS, methods: CIVIL_METHODS, lateMethods: CIVIL_LATE_METHODS, extLead: [15, 30], extReasons: CIVIL_EXT_REASONS, canHang: true },
  { typeCode: '民初', procedure: '简易程序', variant: null, lo: 22, hi: 85, pLate: 0.03, pStuck: 0.004, pExt: 0.02, pEvents: 0.08,
    events: SIMPLE_EVENTS, methods: CIVIL_METHODS, lateMethods: CIVIL_LATE_METHODS, extLead: [15, 30], extReasons: CIVIL_EXT_REASONS, canHang: false },
  { typeCode: '民初', procedure: '小额诉讼程序', variant: null, lo: 12, hi: 55, pLate: 0.02, pStuck: 0.002, pExt: 0.01, pEvents: 0.03,
    events: [['管辖异议', 50], ['和解', 50]], methods: [['判决', 45], ['调解', 25], ['撤诉', 25], ['其他', 5]],
    lateMethods: CIVIL_LATE_METHODS, extLead: [15, 30], extReasons: CIVIL_EXT_REASONS, canHang: false },
  { typeCode: '民特', procedure: null, variant: null, lo: 3, hi: 28, pLate: 0.02, pStuck: 0.002, pExt: 0, pEvents: 0,
    methods: [['裁定', 70], ['判决', 20], ['撤诉', 8], ['其他', 2]], extLead: [5, 10], extReasons: CIVIL_EXT_REASONS, canHang: false },
  { typeCode: '民催', procedure: null, variant: null, lo: 5, hi: 40, pLate: 0, pStuck: 0.01, pExt: 0, pEvents: 0,
    methods: [['判决', 70], ['裁定', 20], ['撤诉', 10]], extLead: [5, 10], extReasons: CIVIL_EXT_REASONS, canHang: false },
  { typeCode: '民申', procedure: null, variant: null, lo: 30, hi: 90, pLate: 0, pStuck: 0.01, pExt: 0, pEvents: 0,
    methods: [['裁定', 90], ['撤诉', 10]], extLead: [5, 10], extReasons: CIVIL_EXT_REASONS, canHang: false },
  { typeCode: '民再', procedure: null, variant: null, lo: 60, hi: 180, pLate: 0, pStuck: 0.03, pExt: 0, pEvents: 0,
    methods: [['判决', 60], ['裁定', 20], ['调解', 15], ['撤诉', 5]], extLead: [5, 10], extReasons: CIVIL_EXT_REASONS, canHang: false },
  { typeCode: '刑初', procedure: '普通程序', variant: null, lo: 20, hi: 58, pLate: 0.015, pStuck: 0.005, pExt: 0.03, pEvents: 0.04,
    events: [['鉴定', 60], ['中止', 40]], methods: CRIM_METHODS, extLead: [3, 10], extReasons: CRIMINAL_EXT_REASONS, canHang: false },
  { typeCode: '刑初', procedure: '简易程序', variant: null, lo: 6, hi: 19, pLate: 0.01, pStuck: 0.001, pExt: 0, pEvents: 0.01,
    events: [['鉴定', 100]], methods: CRIM_METHODS, extLead: [1, 3], extReasons: CRIMINAL_EXT_REASONS, canHang: false },
  { typeCode: '刑初', procedure: '简易程序', variant: 'heavy_sentence', lo: 10, hi: 42, pLate: 0.01, pStuck: 0.001, pExt: 0, pEvents: 0.02,
    events: [['鉴定', 100]], methods: CRIM_METHODS, extLead: [1, 3], extReasons: CRIMINAL_EXT_REASONS, canHang: false },
  { typeCode: '刑初', procedure: '速裁程序', variant: null, lo: 2, hi: 9, pLate: 0.01, pStuck: 0, pExt: 0, pEvents: 0,
    methods: CRIM_METHODS, extLead: [1, 3], extReasons: CRIMINAL_EXT_REASONS, canHang: false },
  { typeCode: '刑初', procedure: '速裁程序', variant: 'heavy_sentence', lo: 4, hi: 14, pLate: 0.01, pStuck: 0, pExt: 0, pEvents: 0,
    methods: CRIM_METHODS, extLead: [1, 3], extReasons: CRIMINAL_EXT_REASONS, canHang: false },
  // Only the high court extends an administrative limit; a basic court rarely asks, so extensions here are few.
  { typeCode: '行初', procedure: '普通程序', variant: null, lo: 50, hi: 175, pLate: 0.03, pStuck: 0.03, pExt: 0.02, pEvents: 0.2,
    events: [['调解', 20], ['鉴定', 20], ['中止', 25], ['管辖异议', 20], ['公告', 15]], extMonths: 3,
    methods: [['判决', 40], ['驳回起诉', 20], ['撤诉', 30], ['调解', 5], ['其他', 5]], lateMethods: [['判决', 60], ['驳回起诉', 20], ['撤诉', 20]],
    extLead: [15, 30], extReasons: ADMINISTRATIVE_EXT_REASONS, canHang: true },
  { typeCode: '行初', procedure: '简易程序', variant: null, lo: 15, hi: 44, pLate: 0.02, pStuck: 0.003, pExt: 0, pEvents: 0.05,
    events: [['调解', 60], ['管辖异议', 40]], methods: [['判决', 40], ['驳回起诉', 20], ['撤诉', 30], ['调解', 5], ['其他', 5]],
    extLead: [15, 30], extReasons: ADMINISTRATIVE_EXT_REASONS, canHang: false },
  { typeCode: '执', procedure: null, variant: null, lo: 40, hi: 175, pLate: 0.025, pStuck: 0.04, pExt: 0.05, pEvents: 0.14,
    events: ENF_EVENTS, methods: ENF_METHODS, lateMethods: ENF_LATE_METHODS, extLead: [1, 5], extReasons: ENFORCEMENT_EXT_REASONS, canHang: true },
  { typeCode: '执恢', procedure: null, variant: null, lo: 40, hi: 175, pLate: 0.025, pStuck: 0.04, pExt: 0.05, pEvents: 0.14,
    events: ENF_EVENTS, methods: [['执行完毕', 35], ['终结本次执行', 55], ['其他', 10]], lateMethods: ENF_LATE_METHODS,
    extLead: [1, 5], extReasons: ENFORCEMENT_EXT_REASONS, canHang: true },
  { typeCode: '执保', procedure: null, variant: null, lo: 1, hi: 10, pLate: 0, pStuck: 0.01, pExt: 0, pEvents: 0,
    methods: [['执行完毕', 90], ['其他', 10]], extLead: [1, 5], extReasons: ENFORCEMENT_EXT_REASONS, canHang: false },
  { typeCode: '执异', procedure: null, variant: null, lo: 10, hi: 60, pLate: 0, pStuck: 0.01, pExt: 0, pEvents: 0,
    methods: [['裁定', 85], ['撤诉', 10], ['其他', 5]], extLead: [1, 5], extReasons: ENFORCEMENT_EXT_REASONS, canHang: false },
  // A mediation that fails ends as 其他 and the dispute is filed as 民初; no limit applies to the mediation itself.
  // Only filed before 2025 (TYPE_MIX_SINCE_2025).
  { typeCode: '诉前调', procedure: null, variant: null, lo: 7, hi: 35, pLate: 0, pStuck: 0.005, pExt: 0, pEvents: 0,
    methods: [['调解', 45], ['撤诉', 15], ['其他', 40]], extLead: [1, 5], extReasons: CIVIL_EXT_REASONS, canHang: false },
];

// ---------------------------------------------------------------------------------------------------------------
// The demonstration judge's docket

/** The trial division whose judge, head and assistant hold the demonstration accounts. */
const SHOWCASE_DIVISION = '民一庭';

/**
 * Days remaining on "today" that the demonstration judge's open cases always cover, a case in each window: due
 * within 7, 15 and 30 days, overdue by days and by months. Left to chance, a court of a few thousand cases over ten
 * years leaves one judge's 审限预警 empty on most days, and the demonstration would have nothing to warn about. Each
 * window takes the first case filed on the earliest day whose due date (by the month rule, nothing deducted) falls
 * in it, as a 民初 case of the division's kinds, open, with no deducted period and no extension (planShowcase).
 */
const SHOWCASE_WINDOWS: ReadonlyArray<readonly [number, number]> = [[2, 7], [9, 15], [18, 30], [-12, -1], [-75, -40]];
/** Tried in this order for each day: one of the three always lands in a window of six days or more. */
const SHOWCASE_PROCEDURES: readonly Procedure[] = ['简易程序', '普通程序', '小额诉讼程序'];
/** Far enough back for the oldest window under the longest limit (75 days overdue on six months). */
const SHOWCASE_LOOKBACK_DAYS = 300;

const APPEAL_OUTCOMES_W = Weighted.of<AppealOutcome>([['维持', 75], ['改判', 8], ['发回重审', 5], ['撤回上诉', 8], ['调解', 3], ['其他', 1]]);

// ---------------------------------------------------------------------------------------------------------------
// Court structure

interface DivisionPlan {
  name: string;
  kind: GeneratedDivision['kind'];
  judges: number;
  assistants: number;
  clerks: number;
}

interface Place {
  county: string;
  countyStem: string;
  city: string;
  towns: string[];
}

interface CourtPlan {
  place: Place;
  divisions: GeneratedDivision[];
  staff: GeneratedStaff[];
  judgesByDivision: Map<string, Weighted<string>>;
  tribunals: Weighted<string>;
  /** Who holds the demonstration accounts of a trial division's roles (GeneratedCourt.demoAccounts). */
  demoAccounts: Partial<Record<StaffRole, string>>;
  /** The demonstration judge, whose docket the generator fills so that every warning of 审限预警 shows (SHOWCASE). */
  showcaseJudge: string;
}

class NameMaker {
  private readonly surnames = Weighted.of(SURNAMES);

  person(rng: Random): string {
    const surname = this.surnames.pick(rng);
    const chars = rng.chance(0.5) ? MALE_CHARS : FEMALE_CHARS;
    // Two-character given names dominate among people born after 1960; single ones are still common.
    return rng.chance(0.3) ? surname + rng.pick(chars) : surname + rng.pick(chars) + rng.pick(chars);
  }
}

function planCourt(rng: Random, names: NameMaker): CourtPlan {
  const county = rng.pick(COUNTIES);
  const towns = TOWNS.slice();
  for (let i = towns.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [towns[i], towns[j]] = [towns[j], towns[i]];
  }
  const place: Place = { county, countyStem: county.slice(0, -1), city: rng.pick(CITIES), towns };

  const vary = (n: number) => Math.max(2, n + rng.range(-1, 1));
  const plans: DivisionPlan[] = [
    { name: '立案庭', kind: 'division', judges: 3, assistants: 2, clerks: vary(5) },
    { name: '民一庭', kind: 'division', judges: vary(7), assistants: vary(5), clerks: vary(6) },
    { name: '民二庭', kind: 'division', judges: vary(6), assistants: vary(4), clerks: vary(5) },
    { name: '商事审判庭', kind: 'division', judges: vary(5), assistants: vary(3), clerks: vary(4) },
    { name: '刑事审判庭', kind: 'division', judges: vary(5), assistants: vary(3), clerks: vary(4) },
    { name: '行政审判庭', kind: 'division', judges: 3, assistants: 2, clerks: 2 },
    { name: '执行局', kind: 'enforcement', judges: vary(10), assistants: vary(12), clerks: vary(6) },
  ];
  const tribunalCount = rng.range(4, 5);
  const tribunalNames = ['城关人民法庭', ...towns.slice(0, tribunalCount - 1).map((t) => `${t}人民法庭`), LONG_TRIBUNAL];
  for (const name of tribunalNames) {
    plans.push({ name, kind: 'tribunal', judges: rng.range(2, 4), assistants: rng.range(1, 2), clerks: 2 });
  }

  const divisions: GeneratedDivision[] = plans.map((p) => ({ name: p.name, kind: p.kind }));
  divisions.push({ name: '审判管理办公室', kind: 'office' });

  const used = new Set<string>();
  const uniqueName = (): string => {
    for (;;) {
      const n = names.person(rng);
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };

  const staff: GeneratedStaff[] = [];
  const workloads = new Map<string, Array<[string, number]>>();
  const president = uniqueName();
  const vp1 = uniqueName();
  const vp2 = uniqueName();
  staff.push({ name: president, division: null, roles: ['president', 'judge'] });
  staff.push({ name: vp1, division: null, roles: ['vice_president', 'judge'] });
  staff.push({ name: vp2, division: null, roles: ['vice_president', 'judge'] });

  // The demonstration's judge, division head and assistant work in one trial division with time limits, so each
  // account opens on that division's docket; its first judge heads it, the second is the judge.
  const demoAccounts: Partial<Record<StaffRole, string>> = {};
  for (const p of plans) {
    const list: Array<[string, number]> = [];
    for (let i = 0; i < p.judges; i++) {
      const name = uniqueName();
      const head = i === 0;
      const roles: StaffRole[] = head ? ['judge', 'division_head'] : ['judge'];
      staff.push({ name, division: p.name, roles });
      if (p.name === SHOWCASE_DIVISION && i <= 1) demoAccounts[head ? 'division_head' : 'judge'] = name;
      // Uneven on purpose: a few judges carry several times the median, heads carry less while they manage.
      let w = rng.logNormal(0, 0.45);
      if (rng.chance(0.15)) w *= 2.6;
      if (head) w *= 0.6;
      list.push([name, w]);
    }
    for (let i = 0; i < p.assistants; i++) {
      const name = uniqueName();
      staff.push({ name, division: p.name, roles: ['assistant'] });
      if (p.name === SHOWCASE_DIVISION && i === 0) demoAccounts.assistant = name;
    }
    for (let i = 0; i < p.clerks; i++) staff.push({ name: uniqueName(), division: p.name, roles: ['clerk'] });
    workloads.set(p.name, list);
  }
  // Court leaders hear a handful of cases in the divisions they supervise (院领导办案).
  workloads.get('民一庭')!.push([president, 0.15]);
  workloads.get('刑事审判庭')!.push([vp1, 0.25]);
  workloads.get('执行局')!.push([vp2, 0.15]);

  staff.push({ name: uniqueName(), division: '审判管理办公室', roles: ['statistician', 'division_head'] });
  staff.push({ name: uniqueName(), division: '审判管理办公室', roles: ['statistician'] });
  staff.push({ name: uniqueName(), division: null, roles: ['admin'] });

  const judgesByDivision = new Map<string, Weighted<string>>();
  for (const [division, list] of workloads) judgesByDivision.set(division, Weighted.of(list));
  const tribunals = Weighted.of(tribunalNames.map((n, i): [string, number] => [n, i === 0 ? 2 : n === LONG_TRIBUNAL ? 0.6 : rng.tent(0.7, 1.4)]));
  return { place, divisions, staff, judgesByDivision, tribunals, demoAccounts, showcaseJudge: demoAccounts.judge! };
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar tables: every date the generator writes lies between the first filing day and today, so one table of
// ISO strings built once with the shared calendar replaces per-case date arithmetic.

interface DayTable {
  iso: string[];
  year: Int16Array;
  weekday: Uint8Array;
  /** Filings per day, summing exactly to the number of cases asked for. */
  filings: Int32Array;
  todayIdx: number;
  todayYear: number;
  /** Days from filing day idx to the same day `months` later, by the month rule; -1 until first asked. */
  monthSpan: Int16Array[];
}

function buildDays(today: string, cases: number, rng: Random): DayTable {
  const todayYear = Number(today.slice(0, 4));
  const start = `${todayYear - 9}-01-01`;
  const n = daysBetween(start, today) + 1;
  const iso = new Array<string>(n);
  const year = new Int16Array(n);
  const weekday = new Uint8Array(n);
  const w0 = new Date(Date.UTC(todayYear - 9, 0, 1)).getUTCDay();
  const weights = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const d = i === 0 ? start : addDays(start, i);
    iso[i] = d;
    const y = Number(d.slice(0, 4));
    const m = Number(d.slice(5, 7));
    const day = Number(d.slice(8, 10));
    year[i] = y;
    weekday[i] = (w0 + i) % 7;
    // Filings grow about 6% a year, dip around the Spring Festival and the national holidays, and rarely fall on a weekend.
    let w = Math.pow(1.06, y - todayYear + 9 + (m - 1) / 12);
    w *= MONTH_FACTOR[m - 1];
    if (weekday[i] === 0 || weekday[i] === 6) w *= 0.015;
    if ((m === 1 && day === 1) || (m === 5 && day <= 3) || (m === 10 && day <= 7)) w *= 0.05;
    w *= rng.tent(0.7, 1.3);
    weights[i] = w;
    total += w;
  }
  const filings = new Int32Array(n);
  let cum = 0;
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    cum += weights[i];
    const upTo = i === n - 1 ? cases : Math.min(cases, Math.floor((cases * cum) / total));
    filings[i] = upTo - assigned;
    assigned = upTo;
  }
  return { iso, year, weekday, filings, todayIdx: n - 1, todayYear, monthSpan: [] };
}

const MONTH_FACTOR = [0.95, 0.7, 1.1, 1.05, 1.0, 1.05, 1.0, 1.0, 1.0, 0.85, 1.05, 0.9];

function spanDays(days: DayTable, idx: number, months: number): number {
  let table = days.monthSpan[months];
  if (!table) {
    table = new Int16Array(days.iso.length).fill(-1);
    days.monthSpan[months] = table;
  }
  let v = table[idx];
  if (v < 0) {
    const from = days.iso[idx];
    v = daysBetween(from, addMonths(from, months));
    table[idx] = v;
  }
  return v;
}

/**
 * The filing days whose first case joins the demonstration judge's docket, with the procedure that puts its due date
 * in a window of SHOWCASE_WINDOWS. Depends only on the calendar and the filings per day, and draws no random number,
 * so the cases filed before these days are exactly what they were without the showcase. With 5,000 cases or more
 * every weekday of the last year has a filing, and each window is filled; a much smaller court may leave some empty.
 */
function planShowcase(days: DayTable): Map<number, Procedure> {
  const claims = new Map<number, Procedure>();
  const filled = SHOWCASE_WINDOWS.map(() => false);
  const months = SHOWCASE_PROCEDURES.map((p) => limitRule('民初', p, null)!.limit.months);
  for (let day = Math.max(0, days.todayIdx - SHOWCASE_LOOKBACK_DAYS); day <= days.todayIdx; day++) {
    if (days.filings[day] === 0) continue;
    claim: for (let p = 0; p < SHOWCASE_PROCEDURES.length; p++) {
      const remaining = day + spanDays(days, day, months[p]) - days.todayIdx;
      for (let w = 0; w < SHOWCASE_WINDOWS.length; w++) {
        if (filled[w] || remaining < SHOWCASE_WINDOWS[w][0] || remaining > SHOWCASE_WINDOWS[w][1]) continue;
        filled[w] = true;
        claims.set(day, SHOWCASE_PROCEDURES[p]);
        break claim;
      }
    }
  }
  return claims;
}

// ---------------------------------------------------------------------------------------------------------------
// Pools of earlier cases that later filings grow out of (an enforcement of a judgment, a resumed enforcement)

/** A case's 先行调解 as planMediation draws it: the record, and what it does to the case's course. */
interface MediationPlan {
  mediation: GeneratedMediation;
  /** Days from filing to the mediator's receipt. */
  receivedOff: number;
  /** Calendar index of its end, or -1 while it still runs on "today". */
  endIdx: number;
  /** The consented days deducted: all of them while it runs, those up to its end once it ended. */
  used: number;
  /** The 先行调解延长 period, or null without a consented extension. */
  event: GeneratedEvent | null;
  /** How its outcome closed the case, or null (still running, or gone on to trial). */
  closes: ClosingMethod | null;
}

interface Origin {
  caseNumber: string;
  cause: string;
  plaintiffs: string[];
  defendants: string[];
  amount: number | null;
}

/** Cases waiting until the day they may be pointed at (a judgment takes effect weeks after it is handed down). */
class MaturingHeap {
  private readonly days: number[] = [];
  private readonly items: Origin[] = [];
  constructor(private readonly cap: number) {}

  get size(): number {
    return this.days.length;
  }

  push(day: number, item: Origin): void {
    if (this.days.length >= this.cap) return;
    const days = this.days;
    const items = this.items;
    let i = days.length;
    days.push(day);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (days[parent] <= day) break;
      days[i] = days[parent];
      items[i] = items[parent];
      i = parent;
    }
    days[i] = day;
    items[i] = item;
  }

  /** Moves every item ripe by `day` into the pool. */
  drainInto(day: number, pool: Pool, rng: Random): void {
    while (this.days.length > 0 && this.days[0] <= day) pool.add(this.popTop(), rng);
  }

  /** The item ripe longest by `day`, taken out, or null: for a filing that follows one earlier case of its own. */
  popRipe(day: number): Origin | null {
    return this.days.length > 0 && this.days[0] <= day ? this.popTop() : null;
  }

  private popTop(): Origin {
    const days = this.days;
    const items = this.items;
    const top = items[0];
    const lastDay = days.pop()!;
    const lastItem = items.pop()!;
    const n = days.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && days[r] < days[l] ? r : l;
      if (days[c] >= lastDay) break;
      days[i] = days[c];
      items[i] = items[c];
      i = c;
    }
    days[i] = lastDay;
    items[i] = lastItem;
    return top;
  }
}

/** A bounded bag of recent cases: when full, a random old one makes room, so memory stays flat at a million cases. */
class Pool {
  private readonly items: Origin[] = [];
  constructor(private readonly cap: number) {}

  get size(): number {
    return this.items.length;
  }

  add(item: Origin, rng: Random): void {
    if (this.items.length < this.cap) this.items.push(item);
    else this.items[rng.int(this.cap)] = item;
  }

  take(rng: Random): Origin | null {
    const n = this.items.length;
    if (n === 0) return null;
    const i = rng.int(n);
    const item = this.items[i];
    this.items[i] = this.items[n - 1];
    this.items.pop();
    return item;
  }

  peek(rng: Random): Origin | null {
    return this.items.length ? this.items[rng.int(this.items.length)] : null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Parties and amounts

class Parties {
  private readonly agencies: Map<string, readonly string[]>;

  constructor(
    private readonly names: NameMaker,
    private readonly place: Place,
  ) {
    const c = place.county;
    const police = [`${c}公安局`];
    const land = [`${c}自然资源局`];
    const gov = [`${c}人民政府`];
    const demolition = [`${c}综合行政执法局`, ...place.towns.slice(0, 4).map((t) => `${c}${t}人民政府`)];
    this.agencies = new Map<string, readonly string[]>([
      ['行政拘留', police], ['户籍登记', police], ['罚款', [`${c}公安局`, `${c}市场监督管理局`, `${c}综合行政执法局`, `${c}生态环境分局`]],
      ['没收违法所得', [`${c}市场监督管理局`, `${c}公安局`]], ['工伤保险资格或者待遇认定', [`${c}人力资源和社会保障局`]],
      ['责令限期拆除', demolition], ['强制拆除房屋或者设施', demolition], ['责令停止建设', demolition],
      ['房屋征收或者征用补偿', gov], ['土地征收或者征用补偿', gov], ['林地、林木、山岭权属确权', gov],
      ['土地、矿藏、水流、荒地或者滩涂权属确权', gov], ['驳回行政复议申请决定', gov],
      ['房屋所有权登记', land], ['宅基地使用权登记', land], ['责令退还非法占用土地', land],
      ['婚姻登记', [`${c}民政局`]], ['给付最低生活保障金', [`${c}民政局`]],
    ]);
  }

  person(rng: Random): string {
    return this.names.person(rng);
  }

  company(rng: Random): string {
    const where = rng.chance(0.6) ? this.place.county : this.place.city;
    return `${where}${rng.pick(BRANDS)}${rng.pick(INDUSTRIES)}有限公司`;
  }

  bank(rng: Random): string {
    const r = rng.next();
    if (r < 0.2) return `${this.place.countyStem}农村商业银行股份有限公司`;
    const bank = rng.pick(BANKS);
    return r < 0.8 ? `${bank}${this.place.countyStem}支行` : `${bank}${this.place.city.slice(0, -1)}分行`;
  }

  insurer(rng: Random): string {
    const insurer = rng.pick(INSURERS);
    return rng.chance(0.6) ? `${insurer}${this.place.countyStem}支公司` : `${insurer}${this.place.city.slice(0, -1)}中心支公司`;
  }

  procuratorate(): string {
    return `${this.place.county}人民检察院`;
  }

  agency(rng: Random, cause: string): string {
    const list = this.agencies.get(cause);
    return list ? rng.pick(list) : `${this.place.county}人民政府`;
  }

  /**
   * Who mediates a 先行调解: an invited mediator or a lawyer by name, the court's own mediation team, or the mediation
   * body of the dispute's trade (traffic, finance, labour, family) or of the county.
   */
  mediator(rng: Random, destination: MediationDestination, division: string, civil: CivilCause): string {
    const c = this.place.county;
    switch (destination) {
      case '特邀调解员':
        return this.person(rng);
      case '律师调解':
        return `${this.person(rng)}（${rng.pick(BRANDS)}律师事务所）`;
      case '法官调解团队':
        // A people's tribunal mediates its own cases; at the seat the litigation service centre's teams do.
        return division.endsWith('人民法庭') ? `${division}调解团队` : `诉讼服务中心${rng.pick(MEDIATION_TEAMS)}调解团队`;
      case '外部调解中心':
      default:
        if (civil.parties === 'traffic') return `${c}道路交通事故纠纷人民调解委员会`;
        if (civil.group === 'finance') return `${this.place.city}金融纠纷调解中心`;
        if (civil.group === 'labor') return `${c}劳动人事争议调解中心`;
        if (civil.group === 'family') return `${c}婚姻家庭纠纷人民调解委员会`;
        if (civil.parties === 'property' || civil.parties === 'heat') return `${c}物业纠纷人民调解委员会`;
        return rng.chance(0.5) ? `${c}矛盾纠纷多元化解中心` : `${c}${rng.pick(this.place.towns)}人民调解委员会`;
    }
  }

  /** 1 mostly, sometimes 2 or 3. */
  count(rng: Random, p2: number, p3: number): number {
    const r = rng.next();
    return r < p3 ? 3 : r < p3 + p2 ? 2 : 1;
  }

  people(rng: Random, n: number, pCompany = 0): string[] {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(pCompany > 0 && rng.chance(pCompany) ? this.company(rng) : this.person(rng));
    return out;
  }

  /** [plaintiffs, defendants] of a civil dispute. */
  civil(rng: Random, pattern: PartyPattern): [string[], string[]] {
    switch (pattern) {
      case 'bank': {
        const d = this.people(rng, this.count(rng, 0.35, 0.15));
        if (rng.chance(0.15)) d[0] = this.company(rng);
        return [[this.bank(rng)], d];
      }
      case 'card':
        return [[rng.chance(0.7) ? rng.pick(CARD_CENTRES) : this.bank(rng)], [this.person(rng)]];
      case 'microloan':
        return [[`${this.place.city}${rng.pick(BRANDS)}小额贷款有限公司`], this.people(rng, this.count(rng, 0.2, 0.05))];
      case 'leasing':
        return [[`${rng.pick(BRANDS)}融资租赁有限公司`], this.people(rng, this.count(rng, 0.3, 0.1), 0.5)];
      case 'property':
        return [[`${this.place.county}${rng.pick(BRANDS)}物业服务有限公司`], this.people(rng, this.count(rng, 0.1, 0))];
      case 'heat':
        return [[`${this.place.county}${rng.pick(BRANDS)}热力有限公司`], [this.person(rng)]];
      case 'power':
        return [[`${this.place.county}电力有限公司`], this.people(rng, 1, 0.5)];
      case 'assignee': {
        const plaintiff = rng.chance(0.6) ? `${rng.pick(ASSET_MANAGERS)}${this.place.city.slice(0, -1)}分公司` : this.person(rng);
        const d = this.people(rng, this.count(rng, 0.4, 0.2));
        d[0] = this.company(rng);
        return [[plaintiff], d];
      }
      case 'traffic': {
        const p = this.people(rng, this.count(rng, 0.25, 0.05));
        const d = [this.person(rng)];
        if (rng.chance(0.3)) d.push(rng.chance(0.4) ? this.company(rng) : this.person(rng));
        if (rng.chance(0.85)) d.push(this.insurer(rng));
        if (rng.chance(0.2)) d.push(this.insurer(rng));
        return [p, d];
      }
      case 'insurerPlaintiff':
        return [[this.insurer(rng)], this.people(rng, this.count(rng, 0.3, 0.05), 0.3)];
      case 'insuredPlaintiff':
        return [this.people(rng, 1, 0.3), [this.insurer(rng)]];
      case 'couple':
        return [[this.person(rng)], [this.person(rng)]];
      case 'family':
        return [this.people(rng, this.count(rng, 0.15, 0.05)), this.people(rng, this.count(rng, 0.35, 0.2))];
      case 'labor':
        return rng.chance(0.15)
          ? [[this.company(rng)], [this.person(rng)]]
          : [this.people(rng, this.count(rng, 0.1, 0.03)), rng.chance(0.1) ? [this.company(rng), this.person(rng)] : [this.company(rng)]];
      case 'business':
        return [this.people(rng, this.count(rng, 0.1, 0.02), 0.5), this.people(rng, this.count(rng, 0.3, 0.1), 0.5)];
      case 'person':
      default:
        return [this.people(rng, this.count(rng, 0.12, 0.03), 0.08), this.people(rng, this.count(rng, 0.27, 0.11), 0.08)];
    }
  }
}

function money(rng: Random, median: number, sigma: number): number {
  let x = rng.logNormal(Math.log(median), sigma);
  if (x < 3000) x = 3000 + rng.next() * 3000;
  else if (x > 5_000_000) x = 2_000_000 + rng.next() * 3_000_000;
  const r = rng.next();
  // Claims are often round sums; interest and costs make the rest exact to the fen.
  if (r < 0.45) return Math.round(x / 100) * 100;
  if (r < 0.75) return Math.round(x);
  return Math.round(x * 100) / 100;
}

// ---------------------------------------------------------------------------------------------------------------
// The generator

/** Up to three periods of the case's own, a long suspension, and a 先行调解 extension before them. */
const MAX_EVENTS = 5;

export function generateCourt(options: GeneratorOptions): GeneratedCourt {
  const { courtCode, seed, today } = options;
  if (!Number.isInteger(options.cases) || options.cases < 0) throw new RangeError(`cases must be a non-negative integer, not ${options.cases}`);
  if (!isIsoDate(today)) throw new RangeError(`today must be an ISO date, not ${today}`);
  const probe = parseCaseNumber(`（2000）${courtCode}民初1号`);
  if (!probe.ok || probe.value.courtCode !== courtCode) throw new RangeError(`not a court code: ${courtCode}`);

  const names = new NameMaker();
  const plan = planCourt(new Random(seed, 1), names);
  const cases = options.cases;

  return {
    divisions: plan.divisions,
    staff: plan.staff,
    demoAccounts: plan.demoAccounts,
    // Each iteration restarts from the seed, so the iterable can be walked twice with identical results.
    cases: { [Symbol.iterator]: () => generateCases(courtCode, seed, today, cases, plan, names) },
  };
}

function* generateCases(courtCode: string, seed: number, today: string, total: number, plan: CourtPlan, names: NameMaker): Generator<GeneratedCase> {
  const rng = new Random(seed, 2);
  const days = buildDays(today, total, rng);
  const { iso, weekday, todayIdx, todayYear } = days;
  const parties = new Parties(names, plan.place);

  const typeMix = Weighted.of(TYPE_MIX);
  const typeMixSince2025 = Weighted.of(TYPE_MIX_SINCE_2025);
  // The first filing day of the 2025 rules (beyond todayIdx when today is earlier: no 先行调解 at all).
  const advanceIdx = Math.max(0, daysBetween(iso[0], ADVANCE_MEDIATION_FROM));
  const civilCauses: CivilCause[] = CIVIL_CAUSES.map(([name, , group]) => ({
    name, group, median: 50_000, sigma: 1.1, pNoAmount: 0.02, parties: GROUP_PARTIES[group], ...CAUSE_TRAITS[name],
  }));
  const civilPick = new Weighted(civilCauses, CIVIL_CAUSES.map((c) => c[1]));
  const civilByName = new Map(civilCauses.map((c) => [c.name, c]));
  // The showcase cases are disputes the showcase division hears (family, property, torts, labour).
  const showcasePick = new Weighted(civilCauses, CIVIL_CAUSES.map((c) => (GROUP_DIVISION[c[2]] === SHOWCASE_DIVISION ? c[1] : 0)));
  // Disputes that reach pre-litigation mediation lean to small money claims, family and traffic cases.
  const mediationPick = new Weighted(civilCauses, CIVIL_CAUSES.map((c) => (c[2] === 'commercial' ? c[1] * 0.3 : c[2] === 'finance' ? c[1] * 0.6 : c[1])));
  const specialPick = Weighted.of(SPECIAL_PROCEDURE_CAUSES);
  const chargePick = Weighted.of(CRIMINAL_CHARGES);
  const adminPick = Weighted.of(ADMINISTRATIVE_CAUSES);
  const civilProcedure = Weighted.of<Procedure>([['简易程序', 55], ['普通程序', 35], ['小额诉讼程序', 10]]);
  const criminalProcedure = Weighted.of<Procedure>([['普通程序', 40], ['简易程序', 35], ['速裁程序', 25]]);
  const adminProcedure = Weighted.of<Procedure>([['普通程序', 70], ['简易程序', 30]]);

  // Nested by type code, procedure and variant, so that finding a case's profile builds no key string.
  const profiles = new Map<string, Map<string, Map<string, Profile>>>();
  for (const spec of PROFILE_SPECS) {
    let byProcedure = profiles.get(spec.typeCode);
    if (!byProcedure) profiles.set(spec.typeCode, (byProcedure = new Map()));
    let byVariant = byProcedure.get(spec.procedure ?? '');
    if (!byVariant) byProcedure.set(spec.procedure ?? '', (byVariant = new Map()));
    byVariant.set(spec.variant ?? '', makeProfile(spec));
  }
  const profileOf = (typeCode: string, procedure: Procedure | null, variant: LimitVariant | null): Profile =>
    profiles.get(typeCode)!.get(procedure ?? '')!.get(variant ?? '')!;

  const judges = plan.judgesByDivision;
  const judgeIn = (division: string): string => judges.get(division)!.pick(rng);

  const judgmentHeap = new MaturingHeap(200_000);
  const judgmentPool = new Pool(2000);
  const criminalHeap = new MaturingHeap(50_000);
  const criminalPool = new Pool(500);
  const suspendedHeap = new MaturingHeap(100_000);
  const suspendedPool = new Pool(1000);
  const recentEnforcement = new Pool(300);
  // Failed 诉前调 whose dispute is filed again as 民初, by the day it is: the first 民初 filed on or after it takes it.
  const failedMediations = new MaturingHeap(50_000);

  // Scratch space for one case's deducted periods, reused to keep the per-case garbage small.
  const evKind: EventKind[] = new Array(MAX_EVENTS);
  const evPos = new Int32Array(MAX_EVENTS);
  const evLen = new Int32Array(MAX_EVENTS);

  const seq = new Map<string, number>();
  let seqYear = -1;
  const showcaseDays = planShowcase(days);

  /** A date by index, also past today (a running mediation's consented end lies ahead). */
  const dateAt = (idx: number): string => (idx <= todayIdx ? iso[idx] : addDays(iso[todayIdx], idx - todayIdx));

  /**
   * The 先行调解 of a 民初 case filed on `day`, as the app's Mediations class records it (start, extend, end), or null
   * while the mediator has not yet received the file on "today". An extended mediation ends after its first days
   * (the parties consent near their end because they need more), so the deducted period always lies inside the case.
   */
  const planMediation = (day: number, procedure: Procedure, division: string, civil: CivilCause): MediationPlan | null => {
    const receivedIdx = day + rng.range(0, 3);
    if (receivedIdx > todayIdx) return null;
    const destination = MEDIATION_DESTINATIONS_W.pick(rng);
    const mediator = parties.mediator(rng, destination, division, civil);
    const baseDays = procedure === '普通程序' ? 15 : 7;
    const baseEndIdx = receivedIdx + baseDays;
    const outcome = MEDIATION_OUTCOMES_W.pick(rng);
    let extensionDays = 0;
    let consentIdx = -1;
    if (rng.chance(MEDIATION_EXTENDED_SHARE)) {
      // Within the first days, near their end; a consent still ahead of "today" is not on file.
      consentIdx = receivedIdx + rng.range(Math.max(1, baseDays - 5), baseDays);
      if (consentIdx <= todayIdx) extensionDays = rng.range(5, MEDIATION_MAX_EXTENSION_DAYS);
      else consentIdx = -1;
    }
    let endIdx = extensionDays > 0
      ? receivedIdx + rng.range(baseDays + 1, baseDays + extensionDays)
      // A mediation that fails often runs its full days; a settlement comes whenever the parties agree.
      : outcome === '调解不成转审理' && rng.chance(0.5) ? baseEndIdx : receivedIdx + rng.range(1, baseDays);
    if (endIdx <= todayIdx) {
      // Mediators report on working days: a weekend end moves back to Friday where that keeps the rule above.
      const back = weekday[endIdx] === 6 ? 1 : weekday[endIdx] === 0 ? 2 : 0;
      if (back && endIdx - back > (extensionDays > 0 ? baseEndIdx : receivedIdx)) endIdx -= back;
    }
    const ended = endIdx <= todayIdx;
    // Mediations.end cuts the consented period at the end of the mediation: only the days used are deducted.
    const used = extensionDays > 0 && ended ? Math.min(extensionDays, endIdx - baseEndIdx) : extensionDays;
    return {
      mediation: {
        destination, mediator, receivedOn: iso[receivedIdx], baseDays, extensionDays, consentOn: extensionDays > 0 ? iso[consentIdx] : null,
        endedOn: ended ? iso[endIdx] : null, outcome: ended ? outcome : null,
      },
      receivedOff: receivedIdx - day,
      endIdx: ended ? endIdx : -1,
      used,
      event: extensionDays > 0 ? { kind: EXTENSION_KIND, fromOn: dateAt(baseEndIdx), toOn: dateAt(baseEndIdx + used) } : null,
      closes: ended ? OUTCOME_CLOSES[outcome] : null,
    };
  };

  for (let day = 0; day <= todayIdx; day++) {
    const filedToday = days.filings[day];
    if (filedToday === 0) continue;
    const y = days.year[day];
    if (y !== seqYear) {
      seq.clear();
      seqYear = y;
    }
    judgmentHeap.drainInto(day, judgmentPool, rng);
    criminalHeap.drainInto(day, criminalPool, rng);
    suspendedHeap.drainInto(day, suspendedPool, rng);
    const filedOn = iso[day];

    for (let k = 0; k < filedToday; k++) {
      // The procedure of a case that joins the demonstration judge's docket, or undefined.
      const showcase = k === 0 ? showcaseDays.get(day) : undefined;
      const typeCode = showcase ? '民初' : (day < advanceIdx ? typeMix : typeMixSince2025).pick(rng);
      const n = (seq.get(typeCode) ?? 0) + 1;
      seq.set(typeCode, n);
      const caseNumber = `（${y}）${courtCode}${typeCode}${n}号`;

      // ---- what the case is about, who hears it, who the parties are
      let procedure: Procedure | null = null;
      let variant: LimitVariant | null = null;
      let cause: string;
      let division: string;
      let plaintiffs: string[];
      let defendants: string[];
      let claimAmount: number | null = null;
      let enforcementClaim: number | null = null;
      let originCaseNumber: string | null = null;
      let civil: CivilCause | null = null;
      let forcedKind: EventKind | null = null;
      let forcedLen = 0;

      switch (typeCode) {
        case '民初':
        case '诉前调': {
          // A dispute whose 诉前调 failed comes back as 民初: the same parties and claim, the 诉前调 as 原审案号.
          const followUp = typeCode === '民初' && !showcase ? failedMediations.popRipe(day) : null;
          civil = followUp ? civilByName.get(followUp.cause)! : (typeCode === '民初' ? (showcase ? showcasePick : civilPick) : mediationPick).pick(rng);
          cause = civil.name;
          if (showcase) {
            procedure = showcase;
            division = SHOWCASE_DIVISION;
          } else if (typeCode === '民初') {
            procedure = civilProcedure.pick(rng);
            division = rng.chance(TRIBUNAL_SHARE[civil.group]) ? plan.tribunals.pick(rng) : GROUP_DIVISION[civil.group];
          } else {
            division = rng.chance(0.65) ? '立案庭' : plan.tribunals.pick(rng);
          }
          if (followUp) {
            originCaseNumber = followUp.caseNumber;
            plaintiffs = followUp.plaintiffs.slice();
            defendants = followUp.defendants.slice();
            claimAmount = followUp.amount;
            break;
          }
          [plaintiffs, defendants] = parties.civil(rng, civil.parties);
          claimAmount = rng.chance(civil.pNoAmount) ? null : money(rng, civil.median, civil.sigma);
          break;
        }
        case '民特': {
          cause = specialPick.pick(rng);
          division = rng.chance(0.5) ? '立案庭' : rng.chance(0.6) ? '民一庭' : plan.tribunals.pick(rng);
          if (cause === '申请司法确认调解协议') {
            plaintiffs = parties.people(rng, 2, 0.1);
            defendants = [];
          } else if (cause === '申请实现担保物权') {
            plaintiffs = [rng.chance(0.6) ? parties.bank(rng) : parties.person(rng)];
            defendants = parties.people(rng, parties.count(rng, 0.3, 0));
            claimAmount = money(rng, 200_000, 0.9);
          } else if (cause === '申请人身安全保护令') {
            plaintiffs = [parties.person(rng)];
            defendants = [parties.person(rng)];
          } else if (cause === '申请撤销监护人资格') {
            plaintiffs = [`${plan.place.county}民政局`];
            defendants = [parties.person(rng)];
          } else {
            plaintiffs = [parties.person(rng)];
            defendants = [];
          }
          // Declarations of absence or death, and ownerless property, must wait out a statutory public notice.
          if (cause === '申请宣告自然人失踪') {
            forcedKind = '公告';
            forcedLen = rng.range(90, 95);
          } else if (cause === '申请宣告自然人死亡' || cause === '申请认定财产无主') {
            forcedKind = '公告';
            forcedLen = rng.range(365, 370);
          } else if (cause.startsWith('申请宣告自然人') && rng.chance(0.6)) {
            forcedKind = '鉴定';
            forcedLen = rng.range(20, 60);
          }
          break;
        }
        case '民催':
          cause = PUBLIC_SUMMONS_CAUSE;
          division = '商事审判庭';
          plaintiffs = [parties.company(rng)];
          defendants = [];
          claimAmount = money(rng, 100_000, 0.8);
          forcedKind = '公告';
          forcedLen = rng.range(60, 90);
          break;
        case '民申':
        case '民再': {
          const origin = judgmentPool.peek(rng);
          division = rng.chance(0.6) ? '民一庭' : '民二庭';
          if (origin) {
            cause = origin.cause;
            originCaseNumber = origin.caseNumber;
            // The losing side usually applies for retrial.
            plaintiffs = origin.defendants.slice();
            defendants = origin.plaintiffs.slice();
            claimAmount = origin.amount;
          } else {
            civil = civilPick.pick(rng);
            cause = civil.name;
            [plaintiffs, defendants] = parties.civil(rng, civil.parties);
          }
          break;
        }
        case '刑初': {
          cause = chargePick.pick(rng);
          procedure = criminalProcedure.pick(rng);
          if (procedure !== '普通程序' && rng.chance(0.2)) variant = 'heavy_sentence';
          division = '刑事审判庭';
          plaintiffs = [parties.procuratorate()];
          defendants = parties.people(rng, parties.count(rng, 0.15, 0.05));
          break;
        }
        case '行初': {
          cause = adminPick.pick(rng);
          procedure = adminProcedure.pick(rng);
          division = '行政审判庭';
          plaintiffs = parties.people(rng, parties.count(rng, 0.2, 0.05), 0.15);
          defendants = [parties.agency(rng, cause)];
          break;
        }
        case '执':
        case '执恢':
        case '执保':
        case '执异':
        default: {
          division = '执行局';
          let origin: Origin | null = null;
          if (typeCode === '执') {
            const r = rng.next();
            origin = r < 0.7 ? judgmentPool.take(rng) : r < 0.76 ? criminalPool.take(rng) : null;
          } else if (typeCode === '执恢') {
            origin = suspendedPool.take(rng);
          } else if (typeCode === '执异') {
            origin = recentEnforcement.peek(rng);
          }
          if (origin) {
            cause = origin.cause;
            originCaseNumber = origin.caseNumber;
            if (typeCode === '执异') {
              // The objector is the debtor or an outsider claiming the seized property.
              plaintiffs = rng.chance(0.6) ? origin.defendants.slice(0, 1) : [parties.person(rng)];
              defendants = origin.plaintiffs.slice(0, 1);
            } else {
              plaintiffs = origin.plaintiffs.slice();
              defendants = origin.defendants.slice();
            }
          } else {
            civil = civilPick.pick(rng);
            cause = civil.name;
            [plaintiffs, defendants] = parties.civil(rng, civil.parties);
          }
          if (typeCode !== '执异') {
            const base = origin ? origin.amount : civil && !rng.chance(civil.pNoAmount) ? money(rng, civil.median, civil.sigma) : null;
            // Interest and costs accrue between judgment and enforcement; part payments lower the rest.
            enforcementClaim = base !== null
              ? Math.round(base * rng.tent(0.6, 1.15) * 100) / 100
              : origin && plaintiffs.length === 0 ? money(rng, 8_000, 1) : money(rng, 30_000, 1.2);
            if (enforcementClaim < 100) enforcementClaim = 100;
          }
          break;
        }
      }

      const judge = showcase ? plan.showcaseJudge : judgeIn(division);
      const profile = profileOf(typeCode, procedure, variant);

      // ---- 先行调解 (since 2025): both parties agree to it in a share of 民初 cases, not where a 诉前调 already failed
      const med = typeCode === '民初' && !showcase && originCaseNumber === null && day >= advanceIdx && rng.chance(ADVANCE_MEDIATION_SHARE)
        ? planMediation(day, procedure!, division, civil!) : null;

      let closed: boolean;
      let closeIdx: number;
      let closingMethod: ClosingMethod | null;
      let events: GeneratedEvent[];
      let extensions: GeneratedExtension[];
      if (med && (med.endIdx < 0 || med.closes !== null)) {
        // The mediation is the case's whole course so far: still running today, or it ended the case (settled,
        // withdrawn, paid on the spot) on its last day, with the method the app's Mediations.end closes it by.
        events = med.event ? [med.event] : [];
        extensions = [];
        closed = med.endIdx >= 0;
        closeIdx = med.endIdx;
        closingMethod = med.closes;
      } else {
        // Counted days the mediation that failed took (its consented days used are deducted), and the first counted
        // day after it and after its first days, from which the trial's own periods may begin.
        const medSpan = med ? Math.max(med.endIdx - day - med.used, med.receivedOff + med.mediation.baseDays) : 0;
        const firstFree = medSpan + 1;

        // ---- how long it runs: counted days (A) against the limit (L), plus deducted periods on top
        const hasLimit = profile.hasLimit;
        const L = hasLimit ? (profile.limitMonths ? spanDays(days, day, profile.limitMonths) : 0) + profile.limitDays : 0;
        const Lx = hasLimit && profile.extMonths ? spanDays(days, day, profile.limitMonths + profile.extMonths) + profile.limitDays : L;
        const canExtend = Lx > L;

        // A showcase case is none of the tracks below: it is simply still open today.
        const track = showcase ? 1 : rng.next();
        const stuck = track < profile.pStuck;
        const late = !stuck && track < profile.pStuck + profile.pLate;
        const method = (stuck || late ? profile.lateMethods : profile.methods).pick(rng);
        let A: number;
        // null: no request; else how the (first) request was decided
        let extStatus: ExtensionStatus | null = null;
        let secondExt: ExtensionStatus | null = null;
        if (showcase) {
          A = todayIdx - day + 1 + rng.int(60);
        } else if (stuck) {
          A = 240 + Math.min(3400, Math.floor(rng.exponential(550)));
          if (canExtend) {
            const r = rng.next();
            extStatus = r < 0.6 ? 'approved' : r < 0.75 ? 'rejected' : null;
            if (extStatus === 'approved' && typeCode === '民初' && A > Lx + 30 && rng.chance(0.35)) secondExt = rng.chance(0.7) ? 'approved' : 'higher_court';
          }
        } else if (late) {
          let base = L;
          if (canExtend && rng.chance(0.45)) {
            extStatus = rng.chance(0.55) ? 'approved' : 'rejected';
            if (extStatus === 'approved') base = Lx;
          }
          A = base + 1 + Math.min(150, Math.floor(rng.exponential(25)));
        } else if (canExtend && rng.chance(profile.pExt)) {
          extStatus = 'approved';
          A = L + rng.range(1, Math.max(1, Lx - L - 1));
        } else {
          A = Math.max(1, Math.round(rng.tent(profile.lo, profile.hi) * METHOD_PACE[method]));
          // Judges watch the deadline: a share of cases closes in its last fortnight.
          if (hasLimit && L > 20 && rng.chance(0.12)) A = rng.range(L - 15, L);
          if (hasLimit && A > L) A = L;
        }
        // The trial follows a failed 先行调解: it lasts beyond the mediation's first days (at most 18, well inside any limit).
        if (med && A < medSpan + 2) A = medSpan + rng.range(5, 30);

        // ---- deducted periods, placed at counted offsets so that "closed in time" holds exactly when A <= limit
        let nEv = 0;
        if (med?.event) {
          // The consented days of the failed mediation: a period at a counted offset like the others, before them all.
          evKind[0] = EXTENSION_KIND;
          evPos[0] = med.receivedOff + med.mediation.baseDays;
          evLen[0] = med.used;
          nEv = 1;
        }
        if (forcedKind && A >= 2) {
          evKind[0] = forcedKind;
          evPos[0] = rng.range(1, Math.min(A - 1, 5));
          evLen[0] = forcedLen;
          nEv = 1;
        } else if (!showcase && profile.events && A >= firstFree + 2 && rng.chance(stuck ? Math.min(0.6, profile.pEvents * 2.5) : profile.pEvents)) {
          const r = rng.next();
          const want = r < 0.75 ? 1 : r < 0.95 ? 2 : 3;
          for (let i = 0; i < want; i++) {
            const kind = profile.events.pick(rng);
            evKind[nEv] = kind;
            evPos[nEv] = rng.range(firstFree, A - 1);
            evLen[nEv] = eventLength(rng, kind, typeCode);
            nEv++;
          }
          sortEvents(evKind, evPos, evLen, nEv);
        }
        if (stuck && profile.canHang && rng.chance(0.3)) {
          // A long suspension (awaiting another case, a party missing): resumed after months or years, and while it
          // lasts nothing else happens, so it replaces any later period.
          const at = rng.range(Math.max(firstFree, Math.min(30, A - 1)), Math.min(A - 1, 400));
          while (nEv > 0 && evPos[nEv - 1] >= at) nEv--;
          evKind[nEv] = '中止';
          evPos[nEv] = at;
          evLen[nEv] = 120 + Math.min(2500, Math.floor(rng.exponential(500)));
          nEv++;
        }
        let deducted = 0;
        for (let i = 0; i < nEv; i++) deducted += evLen[i];
        closeIdx = day + A + deducted;
        closed = closeIdx <= todayIdx;

        // ---- extension requests, made shortly before the due date as it stood then
        extensions = [];
        // Nothing closes a case on the day its failed mediation ended, or before.
        let lastBusyIdx = med ? med.endIdx + 1 : day;
        if (extStatus !== null) {
          const endIdx = closed ? closeIdx : -1;
          const x = makeExtension(rng, profile, profile.extMonths, extStatus, L, day, todayIdx, endIdx, iso, evPos, evLen, nEv);
          if (x) {
            extensions.push(x.ext);
            lastBusyIdx = Math.max(lastBusyIdx, x.lastIdx);
            if (secondExt !== null && x.ext.status === 'approved') {
              const limitNow = spanDays(days, day, profile.limitMonths + profile.extMonths) + profile.limitDays;
              // A second extension of ordinary civil limits needs the intermediate court; only an open case can still be waiting for it.
              const status2: ExtensionStatus = secondExt === 'higher_court' && closed ? 'approved' : secondExt;
              const y2 = makeExtension(rng, profile, 6, status2, limitNow, day, todayIdx, endIdx, iso, evPos, evLen, nEv);
              if (y2 && y2.ext.requestedOn > x.ext.requestedOn) {
                extensions.push(y2.ext);
                lastBusyIdx = Math.max(lastBusyIdx, y2.lastIdx);
              }
            }
          }
        }

        events = [];
        let cumulative = 0;
        for (let i = 0; i < nEv; i++) {
          const fromIdx = day + evPos[i] + cumulative;
          cumulative += evLen[i];
          if (fromIdx > todayIdx) break;
          const toIdx = fromIdx + evLen[i];
          // Still running today (an appraisal awaited, a suspension not lifted): the end is not known yet.
          const open = toIdx > todayIdx;
          events.push({ kind: evKind[i], fromOn: iso[fromIdx], toOn: open ? null : iso[toIdx] });
          if (!open && toIdx > lastBusyIdx) lastBusyIdx = toIdx;
        }

        // Courts close on working days: pull a weekend closing back to Friday when nothing forbids it.
        if (closed) {
          const wd = weekday[closeIdx];
          const back = wd === 6 ? 1 : wd === 0 ? 2 : 0;
          if (back && closeIdx - back >= lastBusyIdx && rng.chance(0.9)) closeIdx -= back;
        }
        closingMethod = closed ? method : null;
      }
      const closedOn = closed ? iso[closeIdx] : null;

      // ---- enforcement recovery
      let enforcementRecovered: number | null = null;
      if (enforcementClaim !== null && typeCode !== '执保') {
        const c = enforcementClaim;
        let rec: number;
        if (!closed) rec = rng.chance(0.7) ? 0 : c * rng.next() * 0.5;
        else if (closingMethod === '执行完毕') rec = rng.chance(0.6) ? c : c * rng.tent(0.7, 1);
        else if (closingMethod === '终结本次执行') rec = rng.chance(0.6) ? 0 : c * rng.next() * 0.3;
        else rec = rng.chance(0.5) ? 0 : c * rng.next();
        enforcementRecovered = Math.min(c, Math.round(rec * 100) / 100);
      }

      // ---- appeals and the post-2024 review and precedent-search duties
      let appealed: boolean | null = null;
      let appealOutcome: AppealOutcome | null = null;
      if (closed && (typeCode === '民初' || typeCode === '刑初' || typeCode === '行初')) {
        let p = 0;
        if (closingMethod === '判决') p = typeCode === '民初' ? 0.24 : typeCode === '刑初' ? 0.08 : 0.4;
        else if (closingMethod === '裁定' || closingMethod === '驳回起诉') p = typeCode === '行初' ? 0.3 : 0.12;
        appealed = p > 0 && rng.chance(p);
        // The intermediate court decides an appeal some months later; until then the outcome is unknown.
        if (appealed && todayIdx - closeIdx > 40 + rng.int(140)) appealOutcome = APPEAL_OUTCOMES_W.pick(rng);
      }
      let reviewed: boolean | null = null;
      let precedentSearched: boolean | null = null;
      if (closingMethod === '判决' && days.year[closeIdx] >= todayYear - 1) {
        reviewed = rng.chance(0.85);
        precedentSearched = rng.chance(0.7);
      }

      const record: CaseRecord = {
        caseNumber, cause, procedure, limitVariant: variant, filedOn, division, judge, closedOn, closingMethod, claimAmount,
        plaintiffs, defendants, deductedDays: 0, extendedDays: 0, appealed, appealOutcome, originCaseNumber,
        enforcementClaim, enforcementRecovered, reviewed, precedentSearched,
      };

      // ---- remember what later filings may grow out of
      if (closed) {
        if (typeCode === '民初' && (closingMethod === '判决' || closingMethod === '调解') && rng.chance(0.8)) {
          judgmentHeap.push(closeIdx + rng.range(15, 120), { caseNumber, cause, plaintiffs, defendants, amount: claimAmount });
        } else if (typeCode === '刑初' && closingMethod === '判决' && rng.chance(0.3)) {
          // Fines and confiscation are enforced by the court itself: no applicant.
          criminalHeap.push(closeIdx + rng.range(10, 60), { caseNumber, cause, plaintiffs: [], defendants, amount: null });
        } else if ((typeCode === '执' || typeCode === '执恢') && closingMethod === '终结本次执行') {
          suspendedHeap.push(closeIdx + rng.range(180, 900), { caseNumber, cause, plaintiffs, defendants, amount: enforcementClaim });
        } else if (typeCode === '诉前调' && closingMethod === '其他' && rng.chance(FAILED_MEDIATION_FILED)) {
          // The mediation failed: the plaintiff files within a few weeks.
          failedMediations.push(closeIdx + rng.range(1, 20), { caseNumber, cause, plaintiffs, defendants, amount: claimAmount });
        }
      }
      if (typeCode === '执') recentEnforcement.add({ caseNumber, cause, plaintiffs, defendants, amount: enforcementClaim }, rng);

      yield med ? { record, events, extensions, mediation: med.mediation } : { record, events, extensions };
    }
  }
}

/** Insertion sort by position: at most four periods. */
function sortEvents(kind: EventKind[], pos: Int32Array, len: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const k = kind[i];
    const p = pos[i];
    const l = len[i];
    let j = i - 1;
    while (j >= 0 && pos[j] > p) {
      kind[j + 1] = kind[j];
      pos[j + 1] = pos[j];
      len[j + 1] = len[j];
      j--;
    }
    kind[j + 1] = k;
    pos[j + 1] = p;
    len[j + 1] = l;
  }
}

function eventLength(rng: Random, kind: EventKind, typeCode: string): number {
  switch (kind) {
    case '公告': return rng.range(30, 60);
    case '鉴定': return rng.range(20, 120);
    case '评估': return rng.range(20, 90);
    case '审计': return rng.range(30, 120);
    case '和解': return typeCode.startsWith('执') ? rng.range(30, 180) : rng.range(10, 45);
    case '调解': return rng.range(10, 40);
    case '管辖异议': return rng.range(15, 30);
    case '中止': return rng.range(30, 240);
    case '暂缓执行': return rng.range(15, 90);
    case '拍卖': return rng.range(30, 90);
    default: return rng.range(10, 30);
  }
}

/** Calendar offset from filing of counted day c: counted days plus the deducted periods begun before it. */
function calendarOffset(c: number, pos: Int32Array, len: Int32Array, n: number): number {
  let off = c;
  for (let i = 0; i < n && pos[i] < c; i++) off += len[i];
  return off;
}

function makeExtension(
  rng: Random, profile: Profile, months: number, status: ExtensionStatus, limit: number, day: number, todayIdx: number,
  /** Closing day of a closed case, -1 for an open one: a closed case's requests were all decided before it closed. */
  closeIdx: number, iso: readonly string[], pos: Int32Array, len: Int32Array, n: number,
): { ext: GeneratedExtension; lastIdx: number } | null {
  let lead = rng.range(profile.extLead[0], profile.extLead[1]);
  // A few civil requests come in late (逾期申请), inside the fortnight before the due date.
  if (profile.extLead[0] >= 15 && rng.chance(0.08)) lead = rng.range(3, 14);
  const askAt = limit - lead;
  if (askAt < 1) return null;
  const requestedIdx = day + calendarOffset(askAt, pos, len, n);
  // Requests still in the future are not on file yet.
  if (requestedIdx > todayIdx) return null;
  // The decision comes before the due date (at least five days before it for civil cases).
  const gap = lead >= 10 ? rng.range(1, lead - 5) : rng.range(0, Math.max(0, lead - 1));
  const decidedIdx = requestedIdx + gap;
  if (closeIdx >= 0 && decidedIdx > closeIdx) return null;
  const undecided = decidedIdx > todayIdx || status === 'pending' || status === 'higher_court';
  const finalStatus: ExtensionStatus = decidedIdx > todayIdx && status !== 'higher_court' ? 'pending' : status;
  const [reason, reasonCode] = rng.pick(profile.extReasons);
  return {
    ext: {
      months,
      days: 0,
      reason,
      reasonCode,
      status: finalStatus,
      requestedOn: iso[requestedIdx],
      decidedOn: undecided ? null : iso[decidedIdx],
    },
    lastIdx: undecided ? requestedIdx : decidedIdx,
  };
}
