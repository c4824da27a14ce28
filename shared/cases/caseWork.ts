// The vocabulary of case work in the window: 阅核 and 类案检索 at closing, 先行调解, cause catalogues, saved filters.

/** Who reviewed a judgment (阅核) and what he decided. */
export const REVIEWER_ROLES = ['庭长', '分管院领导', '院长', '审判委员会', '专业法官会议', '其他'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];
export const REVIEW_ACTIONS = ['同意', '建议复议', '提交专业法官会议', '提交审委会'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Where similar cases are searched (类案检索). */
export const PRECEDENT_PLATFORMS = ['法答网', '人民法院案例库'] as const;
export type PrecedentPlatform = (typeof PRECEDENT_PLATFORMS)[number];

/** 先行调解: where a 民初 case is sent, and how it ends. */
export const MEDIATION_DESTINATIONS = ['特邀调解员', '律师调解', '法官调解团队', '外部调解中心'] as const;
export type MediationDestination = (typeof MEDIATION_DESTINATIONS)[number];
export const MEDIATION_OUTCOMES = ['调解成功', '撤诉', '当场履行', '调解不成转审理'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];
/** The most days both parties may consent to beyond the first 15 (ordinary) or 7 (simple); not counted in the limit. */
export const MEDIATION_MAX_EXTENSION_DAYS = 30;
/** An open 先行调解 with this many days left or fewer (or none) is on the 审限预警 board. */
export const MEDIATION_WARN_DAYS = 3;
/** 先行调解 exists since the SPC's rules in force on this day; 诉前调 numbers were issued until then. */
export const ADVANCE_MEDIATION_FROM = '2025-01-01';

/** The catalogues a cause is picked from: a case keeps which one, since revisions renumber and rename causes. */
export const CAUSE_CATALOGS = {
  'civil-2025': '民事案件案由规定（2025年修正）',
  'administrative-2020': '行政案件案由暂行规定（2020）',
  'criminal-2024': '罪名（至补充规定（八））',
} as const;
export type CauseCatalogId = keyof typeof CAUSE_CATALOGS;
export const CAUSE_CATALOG_IDS = Object.keys(CAUSE_CATALOGS) as CauseCatalogId[];

export interface CauseEntry {
  name: string;
  code: string | null;
  /** The headings above it, as printed: 第一部分 人格权纠纷 › 一、人格权纠纷. */
  path: string[];
  catalog: CauseCatalogId;
}

export interface ReviewView {
  reviewer: string;
  reviewerRole: ReviewerRole;
  reviewedOn: string;
  action: ReviewAction;
  fourCategories: boolean;
  recordedBy: string;
}

export interface PrecedentSearchView {
  platforms: PrecedentPlatform[];
  query: string;
  references: string[];
  noneFound: boolean;
  searchedOn: string;
  recordedBy: string;
}

export interface ReopeningView {
  closedOn: string;
  closingMethod: string;
  reason: string;
  reopenedBy: string;
  reopenedOn: string;
}

export interface MediationView {
  destination: MediationDestination;
  mediator: string;
  receivedOn: string;
  /** 15 days in ordinary procedure, 7 in simple, counted from the mediator's receipt. */
  baseDays: number;
  extensionDays: number;
  consentOn: string | null;
  /** receivedOn + baseDays + extensionDays: when the mediation must end. */
  dueOn: string;
  /** Days left until dueOn while it runs; null once ended. */
  daysRemaining: number | null;
  endedOn: string | null;
  outcome: MediationOutcome | null;
}

export interface SavedFilterView {
  name: string;
  /** The case-list filter as cases.list takes it (without paging). */
  filters: Record<string, unknown>;
  updatedAt: string;
}

/** What the case number typed so far says: its canonical form, whether it is free, and what follows from its type. */
export interface CaseNumberCheck {
  ok: boolean;
  /** Why it cannot be registered (format, another court's code, already registered), in Chinese. */
  message: string | null;
  canonical: string | null;
  typeCode: string | null;
  /** The procedures this type may have; empty for stages without one (appeals, enforcement). */
  procedures: string[];
  defaultProcedure: string | null;
  /** Where its cause is picked from. */
  catalogKind: 'civil' | 'administrative' | 'criminal' | null;
}
