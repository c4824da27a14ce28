// Handing a picked file to the core in pieces (cases.importUpload): read a slice, base64 it, send it; the core appends it to its copy in the imports folder.
import type { CourtDeskApi, ApiError } from '../../../../../shared/api/contract';
import { UPLOAD_CHUNK_BYTES } from '../../../../../shared/cases/importApi';

/** Bytes as base64, built in slices: String.fromCharCode(...bytes) on a whole piece would overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** What the upload needs of a picked file: its name, its size and slices of its bytes (a File, or a test's stand-in). */
export interface PickedFile {
  name: string;
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * Sends the file piece by piece; reports bytes sent after each piece; stops (answering null) when `stopped` says so,
 * for a person who picked another file meanwhile. Answers the upload's token, or the core's refusal.
 */
export async function uploadFile(
  api: Pick<CourtDeskApi, 'cases.importUpload'>,
  file: PickedFile,
  onProgress: (sent: number) => void,
  stopped: () => boolean = () => false,
): Promise<{ ok: true; upload: string } | { ok: false; error: ApiError } | null> {
  let upload: string | undefined;
  for (let offset = 0; offset < file.size; ) {
    const bytes = new Uint8Array(await file.slice(offset, Math.min(file.size, offset + UPLOAD_CHUNK_BYTES)).arrayBuffer());
    if (stopped()) return null;
    const r = await api['cases.importUpload']({ upload, name: file.name, offset, total: file.size, base64: bytesToBase64(bytes) });
    if (!r.ok) return { ok: false, error: r.error };
    upload = r.value.upload;
    offset = r.value.received;
    onProgress(offset);
  }
  return upload ? { ok: true, upload } : { ok: false, error: { code: 'BAD_ARGS', message: '文件为空' } };
}
