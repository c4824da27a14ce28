// The import screen's own logic in the window: a picked file refused before a byte is sent, bytes as base64 in
// slices, and the upload handing the file over piece by piece, stopping when another file is picked.
import { describe, expect, it } from 'vitest';
import { pickProblem } from '../../renderer/src/features/cases/import/importStore';
import { bytesToBase64, uploadFile, type PickedFile } from '../../renderer/src/features/cases/import/upload';
import { UPLOAD_CHUNK_BYTES } from '../../shared/cases/importApi';
import type { CourtDeskApi } from '../../shared/api/contract';

function picked(bytes: Uint8Array, name = '案件.xlsx'): PickedFile {
  return { name, size: bytes.length, slice: (a, b) => ({ arrayBuffer: async () => bytes.slice(a, b).buffer }) };
}

describe('pickProblem', () => {
  it.each([
    ['案件.xlsx', 10, null],
    ['案件.XLSX', 10, null],
    ['批次.zip', 10, null],
    ['案件.xls', 10, '“案件.xls”：只能导入 CSV、Excel 工作簿（.xlsx）、数据交换 XML 文件或其 ZIP 压缩包'],
    ['空.csv', 0, '“空.csv”是空文件'],
    ['大.csv', 600 * 1024 * 1024, '“大.csv”超过 512 MB，请分成几个文件导入'],
  ])('%s of %i bytes', (name, size, want) => {
    expect(pickProblem({ name, size })).toBe(want);
  });
});

describe('upload', () => {
  it('writes base64 as Buffer does, for every length and past the 32 KB slice', () => {
    for (const n of [0, 1, 2, 3, 4, 0x8000 - 1, 0x8000, 0x8000 + 1, 100_000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 7919) % 256);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('hands the file over in pieces, each starting where the last one ended', async () => {
    const bytes = Uint8Array.from({ length: UPLOAD_CHUNK_BYTES * 2 + 10 }, (_, i) => i % 251);
    const got: Buffer[] = [];
    const sent: number[] = [];
    const api = {
      'cases.importUpload': async (a: { upload?: string; offset: number; base64: string; total: number }) => {
        expect(a.offset).toBe(got.reduce((n, b) => n + b.length, 0));
        expect(a.upload).toBe(a.offset === 0 ? undefined : 'f'.repeat(32));
        got.push(Buffer.from(a.base64, 'base64'));
        return { ok: true as const, value: { upload: 'f'.repeat(32), received: a.offset + got.at(-1)!.length } };
      },
    } as unknown as Pick<CourtDeskApi, 'cases.importUpload'>;
    const r = await uploadFile(api, picked(bytes), (n) => sent.push(n));
    expect(r).toEqual({ ok: true, upload: 'f'.repeat(32) });
    expect(got.map((b) => b.length)).toEqual([UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES, 10]);
    expect(Buffer.concat(got).equals(Buffer.from(bytes))).toBe(true);
    expect(sent).toEqual([UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES * 2, UPLOAD_CHUNK_BYTES * 2 + 10]);
  });

  it("stops when another file is picked, and passes the core's refusal on", async () => {
    let calls = 0;
    const api = {
      'cases.importUpload': async () => {
        calls++;
        return { ok: false as const, error: { code: 'FORBIDDEN' as const, message: '批量导入需要全院范围的账号' } };
      },
    } as unknown as Pick<CourtDeskApi, 'cases.importUpload'>;
    const bytes = new Uint8Array(UPLOAD_CHUNK_BYTES * 3);
    expect(await uploadFile(api, picked(bytes), () => undefined, () => true)).toBeNull();
    expect(calls).toBe(0);
    expect(await uploadFile(api, picked(bytes), () => undefined)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '批量导入需要全院范围的账号' } });
    expect(calls).toBe(1);
  });
});
