// The bench's batch of data-exchange XML: each generated case as the one-case file a trial system sends, all zipped.
import { writeFileSync } from 'node:fs';
import { entry, zipBuffer } from '../test/helpers/hostileXlsx';
import type { GeneratedCase } from '../electron/core/generator/types';

const NS = 'http://dataexchange.court.gov.cn/2009/data';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const el = (name: string, value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '' : `<dx:${name}>${esc(String(value))}</dx:${name}>`);

/** The root the exchange gives a case of this type code (exchangeXml.ts reads the four it knows). */
function rootOf(caseNumber: string): string {
  if (/刑/.test(caseNumber)) return '刑事案件';
  if (/行[初终]/.test(caseNumber)) return '行政案件';
  if (/执|财保/.test(caseNumber)) return '执行案件';
  return '民事案件';
}

/** One case as an exchange file: basic block, parties, appeal, origin, deducted periods, suspensions and decided extensions. */
export function caseXml(c: GeneratedCase): string {
  const r = c.record;
  const root = rootOf(r.caseNumber);
  const parties = [...r.plaintiffs.map((n) => ['原告', n]), ...r.defendants.map((n) => ['被告', n])]
    .map(([standing, name]) => `<dx:R>${el('诉讼地位名称', standing)}${el('名称', name)}</dx:R>`).join('');
  const deductions = c.events.filter((e) => e.kind !== '中止' && e.kind !== '先行调解延长')
    .map((e) => `<dx:R>${el('扣除审限类型名称', e.kind === '管辖异议' ? '管辖权异议' : e.kind)}${el('起始日期', e.fromOn)}${el('结束日期', e.toOn)}</dx:R>`).join('');
  const suspensions = c.events.filter((e) => e.kind === '中止').map((e) => `<dx:R>${el('中止日期', e.fromOn)}${el('恢复日期', e.toOn)}</dx:R>`).join('');
  const extensions = c.extensions.filter((x) => x.status === 'approved' || x.status === 'rejected').map((x) =>
    `<dx:R>${el('申请日期', x.requestedOn)}${el('申请事由或原因名称', x.reason)}${el('延长期间名称', `${x.months ? `${x.months}个月` : ''}${x.days ? `${x.days}日` : ''}`)}${el('审批意见', x.status === 'approved' ? '同意' : '不同意')}${x.status === 'approved' ? el('开始日期', x.decidedOn) : ''}</dx:R>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<dx:${root} xmlns:dx="${NS}">
  <dx:${root}基本信息>${el('案号', r.caseNumber)}${el('经办法院代码', '2100421')}${el('适用程序名称', r.procedure)}${el('立案日期', r.filedOn)}${el('立案案由名称', r.cause)}${el('诉讼标的金额', r.claimAmount)}${el('承办审判庭', r.division)}${el('承办人', r.judge)}${el('结案日期', r.closedOn)}${el('结案方式名称', r.closingMethod)}</dx:${root}基本信息>
  ${parties ? `<dx:当事人>${parties}</dx:当事人>` : ''}${r.appealed ? `<dx:上诉情况><dx:R>${el('上诉人', r.plaintiffs[0] ?? r.defendants[0] ?? '上诉人')}</dx:R></dx:上诉情况>` : ''}${r.originCaseNumber ? `<dx:原案情况><dx:R>${el('案号', r.originCaseNumber)}</dx:R></dx:原案情况>` : ''}${deductions ? `<dx:扣除审限>${deductions}</dx:扣除审限>` : ''}${suspensions ? `<dx:中止恢复>${suspensions}</dx:中止恢复>` : ''}${extensions ? `<dx:延长审限>${extensions}</dx:延长审限>` : ''}
</dx:${root}>
`;
}

/** A ZIP (ZIP64 directory, as writers make past 65,535 entries) of one exchange file per case; returns the file's size. */
export function writeExchangeZip(file: string, cases: Iterable<GeneratedCase>): number {
  const entries = Array.from(cases, (c, i) => entry(`cases/${String(i + 1).padStart(6, '0')}.xml`, caseXml(c)));
  const zip = zipBuffer(entries, { zip64: entries.length > 0xfffe });
  writeFileSync(file, zip);
  return zip.length;
}
