// A progress entry's evidence files in the window: uploaded in pieces as they are picked (ledger.upload, discarded when taken out or when the form closes unsent), and fetched in pieces for download (ledger.evidence with an offset).
import type { CourtDeskApi } from '../../../../shared/api/contract';
import { EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES } from '../../../../shared/ledger/api';
import type { PickedFile, UploadPiece } from '../../lib/upload';
import { usePieceUploads } from '../../lib/usePieceUploads';
import { api } from '../../stores';

export type EvidenceApi = Pick<CourtDeskApi, 'ledger.evidence'>;

export type EvidenceFetch = { ok: true; pieces: Array<Uint8Array<ArrayBuffer>>; total: number; mime: string } | { ok: false; message: string };

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The file's bytes, piece by piece (never one 10 MB answer); `onProgress` hears bytes received and the whole size. */
export async function fetchEvidence(calls: EvidenceApi, id: number, onProgress: (received: number, total: number) => void): Promise<EvidenceFetch> {
  const pieces: Array<Uint8Array<ArrayBuffer>> = [];
  let offset = 0;
  let mime = 'application/octet-stream';
  for (;;) {
    const r = await calls['ledger.evidence']({ id, offset });
    if (!r.ok) return { ok: false, message: r.error.message };
    mime = r.value.mime;
    pieces.push(base64ToBytes(r.value.base64));
    // A piece that moves nothing forward would loop for ever: the file is taken as ended.
    if (r.value.next <= offset) return { ok: true, pieces, total: r.value.total, mime };
    offset = r.value.next;
    onProgress(offset, r.value.total);
    if (offset >= r.value.total || r.value.base64 === '') return { ok: true, pieces, total: r.value.total, mime };
  }
}

/** Why a picked file cannot be evidence, checked before a byte is sent (the core checks again); null when it can. */
export function evidenceProblem(f: Pick<PickedFile, 'name' | 'size'>, already: ReadonlyArray<{ name: string }>): string | null {
  if (already.length >= EVIDENCE_MAX_FILES) return `一次最多附 ${EVIDENCE_MAX_FILES} 个佐证材料`;
  if (!EVIDENCE_EXTENSIONS.some((e) => f.name.toLowerCase().endsWith(e))) return `“${f.name}”不是 PDF、图片、Word 或 Excel 文件`;
  if (f.size === 0) return `“${f.name}”是空文件`;
  if (f.size > EVIDENCE_MAX_BYTES) return `“${f.name}”超过 10 MB，请压缩或分开后再添加`;
  if (already.some((l) => l.name === f.name)) return `佐证材料“${f.name}”重复`;
  return null;
}

const evidenceCalls = {
  send: (piece: UploadPiece) => api['ledger.upload'](piece),
  discard: (upload: string) => void api['ledger.discardUpload']({ upload }),
  problem: evidenceProblem,
};

/** The progress form's evidence: each picked file sent at once with its progress; nothing left in the core when the form closes unsent. */
export function useEvidenceUploads(onError: (message: string | null) => void) {
  const { sent, ...uploads } = usePieceUploads(evidenceCalls, onError, true);
  /** The progress was recorded: the core took the uploads itself, and the form starts empty again. */
  return { ...uploads, clear: sent };
}
