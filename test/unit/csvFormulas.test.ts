// Every CSV the window writes (the audit log's 导出 CSV) marks cells that start like a formula, whichever column
// they are in; the rejected rows of an import are held to the same rule in test/db/importRejectedFormulas.test.ts.
import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../renderer/src/features/audit/csv';
import { auditActionLabel } from '../../renderer/src/features/audit/labels';

describe('formulas in the audit CSV', () => {
  it('marks a formula-looking actor, object, before and after, and a tab- or CR-leading one, with a quote', () => {
    const csv = auditCsv([
      { id: 1, at: '2024-05-01T02:00:00.000Z', actor: '=HYPERLINK("x")', action: '+1', entity: 'case', entityKey: '\t=1+2', before: '@SUM(A1)', after: '-1', contentHidden: false },
      { id: 2, at: '2024-05-01T02:00:00.000Z', actor: '\r=1', action: 'case.create', entity: '＝1', entityKey: 'x', before: null, after: null, contentHidden: false },
    ]);
    const [, first, second] = csv.slice(1).split('\r\n');
    // Quoted cells are opened first; every cell of the row, one by one.
    const cells = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    for (const cell of [...cells(first), ...cells(second)]) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r＝]/);
    expect(cells(first)).toContain("'=HYPERLINK(\"x\")");
    expect(cells(first)).toContain("'\t=1+2");
    expect(cells(first)).toContain("'@SUM(A1)");
    expect(cells(first)).toContain("'-1");
  });

  it('names the export of a case list in the audit log', () => {
    expect(auditActionLabel('cases.export')).toBe('导出案件列表（Excel）');
  });
});
