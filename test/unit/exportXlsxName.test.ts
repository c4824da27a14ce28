// The window's 导出 Excel: the downloaded file's name, and the bytes the core hands over turned back into a file.
import { describe, expect, it } from 'vitest';
import { base64ToBytes, exportFileName } from '../../renderer/src/features/cases/exportXlsx';

describe('导出 Excel file names and bytes', () => {
  it('names the file after the list and the day it counted from', () => {
    expect(exportFileName('案件列表', '2026-11-23')).toBe('案件列表-2026-11-23.xlsx');
    expect(exportFileName('审限预警-中止·暂停', '2026-11-23')).toBe('审限预警-中止·暂停-2026-11-23.xlsx');
    expect(exportFileName('a/b:c* d', '2026-11-23')).toBe('a-b-c-d-2026-11-23.xlsx');
  });
  it('turns base64 back into the same bytes', () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 255, 128]);
    expect(Buffer.from(base64ToBytes(bytes.toString('base64')))).toEqual(bytes);
  });
});
