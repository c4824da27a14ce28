// Handing a picked file to the core in pieces (cases.importUpload, extensions.upload): read a slice, base64 it, send it; the core appends it to its copy beside the database and answers a token.
import type { ApiError, ApiResponse } from '../../../shared/api/contract';
import { UPLOAD_CHUNK_BYTES, type UploadPieceResult } from '../../../shared/api/uploads';

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

export interface UploadPiece {
  upload?: string;
  name: string;
  offset: number;
  total: number;
  base64: string;
}

export type UploadOutcome = { ok: true; upload: string } | { ok: false; error: ApiError } | null;

/**
 * Sends the file piece by piece through `send` (one call of the API); reports bytes sent after each piece; stops
 * (answering null) when `stopped` says so, for a person who picked another file meanwhile. Answers the upload's
 * token, or the core's refusal.
 */
export async function uploadPieces(
  send: (piece: UploadPiece) => Promise<ApiResponse<UploadPieceResult>>,
  file: PickedFile,
  onProgress: (sent: number) => void,
  stopped: () => boolean = () => false,
): Promise<UploadOutcome> {
  let upload: string | undefined;
  for (let offset = 0; offset < file.size; ) {
    const bytes = new Uint8Array(await file.slice(offset, Math.min(file.size, offset + UPLOAD_CHUNK_BYTES)).arrayBuffer());
    if (stopped()) return null;
    const r = await send({ upload, name: file.name, offset, total: file.size, base64: bytesToBase64(bytes) });
    if (!r.ok) return { ok: false, error: r.error };
    upload = r.value.upload;
    offset = r.value.received;
    onProgress(offset);
  }
  return upload ? { ok: true, upload } : { ok: false, error: { code: 'BAD_ARGS', message: '文件为空' } };
}
