// The cases domain's calls for case work in the window: register and edit, a case's history, closing with 阅核 and
// 类案检索, reopening, appeals, procedure conversion, 先行调解, the cause catalogues and each person's saved filters.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { caseNumber, empty, isoDate } from '../api/fields';
import { APPEAL_OUTCOMES, CLOSING_METHODS, LIMIT_VARIANTS, PROCEDURES } from './types';
import { caseFilterSchema, type CaseDetail } from './api';
import type { AuditRow } from '../audit/api';
import {
  CAUSE_CATALOG_IDS, MEDIATION_DESTINATIONS, MEDIATION_MAX_EXTENSION_DAYS, MEDIATION_OUTCOMES, PRECEDENT_PLATFORMS, REVIEW_ACTIONS,
  REVIEWER_ROLES, type CaseNumberCheck, type CauseEntry, type SavedFilterView,
} from './caseWork';

const party = z.string().trim().min(1, '当事人名称不能为空').max(100, '当事人名称最多 100 个字');
const parties = z.array(party).max(200, '最多 200 个当事人');

/** The fields of a case as the registration form and `courtdesk case add|edit` give them. */
export const caseFields = z.object({
  cause: z.string().trim().min(1, '请选择或填写案由').max(100, '案由最多 100 个字'),
  causeCatalog: z.enum(CAUSE_CATALOG_IDS as [string, ...string[]]).nullable().optional(),
  procedure: z.enum(PROCEDURES).nullable().optional(),
  limitVariant: z.enum(LIMIT_VARIANTS).nullable().optional(),
  filedOn: isoDate,
  division: z.string().trim().min(1, '请选择承办部门').max(50, '部门名称最多 50 个字'),
  judge: z.string().trim().min(1, '请选择承办法官').max(20, '法官姓名最多 20 个字'),
  plaintiffs: parties,
  defendants: parties,
  claimAmount: z.number().min(0, '标的额不能为负数').max(1e13, '标的额过大').nullable().optional(),
  originCaseNumber: caseNumber.nullable().optional(),
});

export const reviewArgs = z.object({
  reviewer: z.string().trim().min(1, '请填写阅核人').max(20, '阅核人姓名最多 20 个字'),
  reviewerRole: z.enum(REVIEWER_ROLES),
  reviewedOn: isoDate,
  action: z.enum(REVIEW_ACTIONS),
  fourCategories: z.boolean().default(false),
}).strict();

export const precedentArgs = z.object({
  platforms: z.array(z.enum(PRECEDENT_PLATFORMS)).min(1, '请选择检索平台').max(2, '检索平台最多 2 个'),
  query: z.string().trim().min(1, '请填写检索内容').max(200, '检索内容最多 200 个字'),
  // Reference cases come from any court, the SPC's own numbers (最高法民终12号) included: kept as written.
  // 30 of 60 characters, joined, stay within the column's 2,000 (migration 8).
  references: z.array(z.string().trim().min(1, '参考案例案号不能为空').max(60, '参考案例每条最多 60 个字')).max(30, '参考案例最多 30 个').default([]),
  noneFound: z.boolean().default(false),
  searchedOn: isoDate,
}).strict();

export const closeArgs = z.object({
  caseNumber,
  closedOn: isoDate,
  closingMethod: z.enum(CLOSING_METHODS),
  review: reviewArgs.optional(),
  precedent: precedentArgs.optional(),
}).strict();

const filterName = z.string().trim().min(1, '请给筛选条件起个名字').max(30, '名称最多 30 个字');

export const caseWorkApi = defineCalls({
  'cases.checkNumber': { args: z.object({ caseNumber: z.string().max(60) }).strict(), access: 'cases.register', result: returns<CaseNumberCheck>() },
  'cases.nextNumber': {
    args: z.object({ typeCode: z.string().trim().min(1, '请填写类型代字').max(8, '类型代字最多 8 个字'), year: z.number().int().min(1990, '年份应在 1990 至 2100 之间').max(2100, '年份应在 1990 至 2100 之间') }).strict(),
    access: 'cases.register',
    result: returns<{ caseNumber: string }>(),
  },
  'cases.register': { args: caseFields.extend({ caseNumber }).strict(), access: 'cases.register', result: returns<CaseDetail>() },
  'cases.update': { args: z.object({ caseNumber, fields: caseFields.partial().strict() }).strict(), access: 'cases.register', result: returns<CaseDetail>() },
  'cases.history': { args: z.object({ caseNumber }).strict(), access: 'cases.view', result: returns<AuditRow[]>() },
  'catalog.causes': {
    args: z.object({ kind: z.enum(['civil', 'administrative', 'criminal']), query: z.string().trim().max(30).default(''), limit: z.number().int().min(1).max(100).default(30) }).strict(),
    access: 'signedIn',
    result: returns<CauseEntry[]>(),
  },
  'cases.endEvent': { args: z.object({ caseNumber, eventId: z.number().int().positive(), toOn: isoDate }).strict(), access: 'events.record', result: returns<CaseDetail>() },
  'cases.convertProcedure': { args: z.object({ caseNumber, on: isoDate }).strict(), access: 'events.record', result: returns<CaseDetail>() },
  'cases.close': { args: closeArgs, access: 'cases.register', result: returns<CaseDetail>() },
  'cases.reopen': { args: z.object({ caseNumber, reason: z.string().trim().min(1, '请写明重开的理由').max(500, '理由最多 500 个字') }).strict(), access: 'cases.reopen', result: returns<CaseDetail>() },
  'cases.recordAppeal': {
    args: z.object({ caseNumber, appealed: z.boolean(), outcome: z.enum(APPEAL_OUTCOMES).nullable().optional() }).strict(),
    access: 'cases.register',
    result: returns<CaseDetail>(),
  },
  'cases.startMediation': {
    args: z.object({ caseNumber, destination: z.enum(MEDIATION_DESTINATIONS), mediator: z.string().trim().min(1, '请填写调解员或调解组织').max(50, '调解员或调解组织最多 50 个字'), receivedOn: isoDate }).strict(),
    access: 'events.record',
    result: returns<CaseDetail>(),
  },
  'cases.extendMediation': {
    args: z.object({ caseNumber, days: z.number().int('延长天数应为整数').min(1, '延长天数至少 1 天').max(MEDIATION_MAX_EXTENSION_DAYS, `经双方同意最多延长 ${MEDIATION_MAX_EXTENSION_DAYS} 天`), consentOn: isoDate }).strict(),
    access: 'events.record',
    result: returns<CaseDetail>(),
  },
  'cases.endMediation': {
    args: z.object({ caseNumber, endedOn: isoDate, outcome: z.enum(MEDIATION_OUTCOMES) }).strict(),
    access: 'events.record',
    result: returns<CaseDetail>(),
  },
  'cases.savedFilters': { args: empty, access: 'cases.view', result: returns<SavedFilterView[]>() },
  'cases.saveFilter': { args: z.object({ name: filterName, filters: caseFilterSchema }).strict(), access: 'cases.view', result: returns<SavedFilterView[]>() },
  'cases.deleteFilter': { args: z.object({ name: filterName }).strict(), access: 'cases.view', result: returns<SavedFilterView[]>() },
});
