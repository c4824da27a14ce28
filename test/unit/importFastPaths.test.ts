// The import's fast paths give exactly what the general ones give: the quote-free CSV split against csv-parse, the
// one-call audit hash against hashing each field in turn, and the derived columns of a row against the engine's figures.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { splitPlainCsv } from '../../electron/core/cases/importFile';
import { entryHash, GENESIS_HASH } from '../../electron/core/audit/auditLog';
import { computeColumns, engineRow, recordParams } from '../../electron/core/cases/caseRow';
import { computeDeadline } from '../../shared/deadlines/engine';
import { generateCourt } from '../../electron/core/generator/generate';
import { parseCaseNumber } from '../../shared/cases/caseNumber';

const csvParse = (text: string) => parse(Buffer.from(text, 'utf8'), { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: 256 * 1024, to: 200_002 }) as string[][];

describe('the quote-free CSV split', () => {
  it('answers what csv-parse answers: blank lines, a missing or doubled last line break, ragged rows, spaces, tabs, #', () => {
    const texts = ['', '\n', 'a,b\n\nc\n', 'a,b\n\n', 'a,b', 'a\n\n\n', ',\n,,', ' a , b \n', 'a\tb\n#c\n', '案号,案由\n（2024）辽0421民初1号,买卖合同纠纷\n', '\u00a0,x\n\n\ny',
      'a,b\r\nc\r\n', 'a\r\n\r\nb', '\r\n', 'a,b\r\n\r\n', ',\r\n,,', '案号,案由\r\n（2024）辽0421民初1号,买卖合同纠纷\r\n'];
    for (const text of texts) expect(splitPlainCsv(Buffer.from(text, 'utf8')), JSON.stringify(text)).toEqual(csvParse(text));
  });

  it('answers what csv-parse answers for random files of commas, line breaks and Chinese text', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = [',', '\n', '张三', 'a', ' ', '、', '（2024）', '', '\t'];
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: Math.floor(next() * 60) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      expect(splitPlainCsv(Buffer.from(text, 'utf8')), JSON.stringify(text)).toEqual(csvParse(text));
      // The same file as Excel saves it, with CRLF line endings.
      const crlf = text.replace(/\n/g, '\r\n');
      expect(splitPlainCsv(Buffer.from(crlf, 'utf8')), JSON.stringify(crlf)).toEqual(csvParse(crlf));
    }
  });

  it('leaves to csv-parse every file with a quote or mixed line endings, and one with a very long line', () => {
    expect(splitPlainCsv(Buffer.from('a,"b"\n'))).toBeNull();
    expect(splitPlainCsv(Buffer.from('a,b\r\nc\nd\r\n'))).toBeNull();
    expect(splitPlainCsv(Buffer.from('a,b\nc\r\n'))).toBeNull();
    expect(splitPlainCsv(Buffer.from('a\rb'))).toBeNull();
    expect(splitPlainCsv(Buffer.from('a\r\nb\r'))).toBeNull();
    expect(splitPlainCsv(Buffer.from(`a,${'x'.repeat(100_000)}\n`))).toBeNull();
  });
});

describe('the audit hash', () => {
  it('is the SHA-256 of the previous hash and each field length-prefixed, as when each is fed in turn', () => {
    const reference = (prev: string, fields: Array<string | null>) => {
      const h = createHash('sha256').update(prev);
      for (const f of fields) {
        if (f === null) h.update('\n-');
        else h.update(`\n${Buffer.byteLength(f)}:`).update(f);
      }
      return h.digest('hex');
    };
    const cases: Array<[string, string, string, string | null, string | null, string | null, string | null]> = [
      ['2024-12-31T08:00:00.000Z', '书记员', 'case.create', 'case', '（2024）辽0421民初1号', null, '{"caseNumber":"（2024）辽0421民初1号","parties":["张三","𠀀"]}'],
      ['', '', '', null, null, null, null],
      ['2024-12-31T08:00:00.000Z', 'a', 'import', 'file', '案件.csv', '', '\n-'],
    ];
    let prev = GENESIS_HASH;
    for (const fields of cases) {
      const ours = entryHash(prev, fields);
      expect(ours).toBe(reference(prev, fields));
      prev = ours;
    }
  });
});

describe('the derived columns of a row', () => {
  it('hold the engine\u2019s figures for every generated case, open, closed, stopped or without a limit', () => {
    const today = '2026-11-23';
    const clocks = new Set<string>();
    for (const c of generateCourt({ courtCode: '辽0421', cases: 3000, seed: 11, today }).cases) {
      const p = parseCaseNumber(c.record.caseNumber);
      if (!p.ok) throw new Error(p.error);
      const row = engineRow(p.value.typeCode, recordParams(c.record));
      const facts = { events: c.events, extensions: c.extensions };
      const cols = computeColumns(row, facts, today, null);
      const d = computeDeadline({ typeCode: row.type_code, procedure: row.procedure, limitVariant: row.limit_variant, filedOn: row.filed_on, closedOn: row.closed_on, events: c.events, extensions: c.extensions, importedDeductedDays: 0, importedExtendedDays: 0 }, today);
      clocks.add(cols.clock);
      expect(cols.deducted_days).toBe(d.deductedDays);
      expect([cols.ext_months, cols.ext_days]).toEqual([d.extension?.months ?? 0, d.extension?.days ?? 0]);
      if (cols.clock === 'closed' || cols.clock === 'running') expect(cols.due_on).toBe(d.dueOn);
      if (cols.clock === 'suspended' || cols.clock === 'paused') expect(cols.frozen_remaining).toBe(d.daysRemaining);
      expect(Object.keys(cols).sort()).toEqual(['clock', 'closed_overdue', 'deducted_days', 'due_on', 'due_order', 'duration_days', 'ext_days', 'ext_months', 'frozen_remaining']);
    }
    expect([...clocks].sort()).toEqual(expect.arrayContaining(['closed', 'running']));
  });
});
