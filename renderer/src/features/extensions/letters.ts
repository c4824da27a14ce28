// A request's letters in the window: fetched piece by piece (extensions.attachment with an offset, so a 10 MB scan is never one answer), sizes in words, and how each kind is opened.
import type { CourtDeskApi, ExtensionAttachmentView } from '../../../../shared/api/contract';

export type LetterApi = Pick<CourtDeskApi, 'extensions.attachment'>;

/** "812 KB", "2.4 MB": as the person's file manager would say it. */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Images are shown in the window; a PDF is handed to the system's reader as a download (see README: the CSP keeps object-src 'none'). */
export function opensInline(l: Pick<ExtensionAttachmentView, 'mime'>): boolean {
  return l.mime === 'image/png' || l.mime === 'image/jpeg';
}

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export type LetterFetch = { ok: true; pieces: Array<Uint8Array<ArrayBuffer>>; total: number } | { ok: false; message: string };

/**
 * The letter's bytes, piece by piece; `onProgress` hears bytes received and the whole size; `stopped` ends it early
 * (a viewer closed meanwhile), answering null. An image becomes a data: address (which the CSP already allows for
 * images), a PDF a blob: download.
 */
export async function fetchLetter(
  api: LetterApi,
  requestId: number,
  attachmentId: number,
  onProgress: (received: number, total: number) => void,
  stopped: () => boolean = () => false,
): Promise<LetterFetch | null> {
  const pieces: Array<Uint8Array<ArrayBuffer>> = [];
  let offset = 0;
  for (;;) {
    const r = await api['extensions.attachment']({ id: requestId, attachmentId, offset });
    if (stopped()) return null;
    if (!r.ok) return { ok: false, message: r.error.message };
    pieces.push(base64ToBytes(r.value.base64));
    offset = r.value.next;
    onProgress(offset, r.value.total);
    if (offset >= r.value.total || r.value.base64 === '') return { ok: true, pieces, total: r.value.total };
  }
}

/**
 * A data: address of the whole image. Pieces are 1 MiB, a multiple of 3 bytes' worth only by chance, so each
 * piece's base64 cannot simply be joined: the bytes are joined and encoded once.
 */
export function imageAddress(mime: string, pieces: ReadonlyArray<Uint8Array>): string {
  let bin = '';
  for (const p of pieces) for (let i = 0; i < p.length; i += 0x8000) bin += String.fromCharCode(...p.subarray(i, i + 0x8000));
  return `data:${mime};base64,${btoa(bin)}`;
}
