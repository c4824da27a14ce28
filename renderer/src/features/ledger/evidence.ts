// A progress entry's evidence files in the window: uploaded in pieces as they are picked (ledger.upload, discarded when taken out or when the form closes unsent), and fetched in pieces for download (ledger.evidence with an offset).
import { useEffect, useRef, useState } from 'react';
import type { CourtDeskApi } from '../../../../shared/api/contract';
import { EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES } from '../../../../shared/ledger/api';
import { uploadPieces, type PickedFile } from '../../lib/upload';
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

export interface EvidenceUpload {
  key: number;
  name: string;
  size: number;
  sent: number;
  /** The core's token once every piece arrived. */
  upload: string | null;
  error: string | null;
}

/** The progress form's evidence: each picked file sent at once with its progress; nothing left in the core when the form closes unsent. */
export function useEvidenceUploads(onError: (message: string | null) => void) {
  const [files, setFiles] = useState<EvidenceUpload[]>([]);
  const seq = useRef(0);
  const live = useRef(new Map<number, string | null>());
  const patch = (key: number, p: Partial<EvidenceUpload>) => setFiles((all) => all.map((l) => (l.key === key ? { ...l, ...p } : l)));

  useEffect(() => () => {
    for (const token of live.current.values()) if (token) void api['ledger.discardUpload']({ upload: token });
  }, []);

  async function start(file: PickedFile, key: number) {
    live.current.set(key, null);
    const out = await uploadPieces((piece) => api['ledger.upload'](piece), file, (n) => patch(key, { sent: n }), () => !live.current.has(key));
    if (out === null) return;
    if (!out.ok) {
      live.current.delete(key);
      patch(key, { error: out.error.message.replace(/^参数“[^”]*”：/, '') });
      return;
    }
    if (!live.current.has(key)) {
      void api['ledger.discardUpload']({ upload: out.upload });
      return;
    }
    live.current.set(key, out.upload);
    patch(key, { upload: out.upload, sent: file.size });
  }

  return {
    files,
    add(picked: ReadonlyArray<PickedFile>) {
      onError(null);
      const added: EvidenceUpload[] = [];
      for (const f of picked) {
        const problem = evidenceProblem(f, [...files, ...added]);
        if (problem) {
          onError(problem);
          continue;
        }
        const key = ++seq.current;
        added.push({ key, name: f.name, size: f.size, sent: 0, upload: null, error: null });
        void start(f, key);
      }
      setFiles((all) => [...all, ...added]);
    },
    remove(key: number) {
      const token = live.current.get(key);
      live.current.delete(key);
      if (token) void api['ledger.discardUpload']({ upload: token });
      setFiles((all) => all.filter((l) => l.key !== key));
      onError(null);
    },
    /** Every file has arrived whole (none still sending, none refused). */
    ready: files.every((l) => l.upload !== null),
    /** The progress was recorded: the core took the uploads itself, and the form starts empty again. */
    clear() {
      live.current.clear();
      setFiles([]);
    },
  };
}
