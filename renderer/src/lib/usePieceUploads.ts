// Files picked in a form and each uploaded at once in pieces with its progress (ledger evidence, extension letters): checked before a byte is sent, discarded in the core when taken out or when the form closes unsent.
import { useEffect, useRef, useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import type { UploadPieceResult } from '../../../shared/api/uploads';
import { bareMessage } from '../features/cases/formFields';
import { uploadPieces, type PickedFile, type UploadPiece } from './upload';

export interface PieceUpload {
  key: number;
  name: string;
  size: number;
  sent: number;
  /** The core's token once every piece arrived. */
  upload: string | null;
  error: string | null;
}

export interface PieceUploadCalls {
  /** One piece to the core (ledger.upload, extensions.upload). */
  send(piece: UploadPiece): Promise<ApiResponse<UploadPieceResult>>;
  /** The core forgets an upload nobody will send (ledger.discardUpload, extensions.discardUpload). */
  discard(upload: string): void;
  /** Why a picked file cannot be added beside those already there (count, kind, size, a name twice); null when it can. */
  problem(file: Pick<PickedFile, 'name' | 'size'>, already: ReadonlyArray<{ name: string }>): string | null;
}

/**
 * The form's uploads. `onError` hears the message for the form's file box (null clears it). `sent()` says the form
 * was sent: the core took the uploads itself, so nothing is discarded any more; with `emptyWhenSent` the list starts
 * empty again (a form that stays open), without it the list stays as it was (a dialog that closes). `calls` is one
 * object for the form's life (a module constant): the unmount cleanup keeps the first.
 */
export function usePieceUploads(calls: PieceUploadCalls, onError: (message: string | null) => void, emptyWhenSent: boolean) {
  const [files, setFiles] = useState<PieceUpload[]>([]);
  const seq = useRef(0);
  // Key to token (null while still sending): what the form holds in the core; a key gone means taken out.
  const live = useRef(new Map<number, string | null>());
  const patch = (key: number, p: Partial<PieceUpload>) => setFiles((all) => all.map((l) => (l.key === key ? { ...l, ...p } : l)));

  // Closing the form unsent leaves nothing behind in the core's uploads folder.
  useEffect(() => () => {
    for (const token of live.current.values()) if (token) calls.discard(token);
  }, []);

  async function start(file: PickedFile, key: number) {
    live.current.set(key, null);
    const out = await uploadPieces((piece) => calls.send(piece), file, (n) => patch(key, { sent: n }), () => !live.current.has(key));
    if (out === null) return;
    if (!out.ok) {
      live.current.delete(key);
      patch(key, { error: bareMessage(out.error.message) });
      return;
    }
    if (!live.current.has(key)) {
      calls.discard(out.upload);
      return;
    }
    live.current.set(key, out.upload);
    patch(key, { upload: out.upload, sent: file.size });
  }

  return {
    files,
    add(picked: ReadonlyArray<PickedFile>) {
      onError(null);
      const added: PieceUpload[] = [];
      for (const f of picked) {
        const problem = calls.problem(f, [...files, ...added]);
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
      if (token) calls.discard(token);
      setFiles((all) => all.filter((l) => l.key !== key));
      onError(null);
    },
    /** Every file has arrived whole (none still sending, none refused). */
    ready: files.every((l) => l.upload !== null),
    /** The form was sent and the core took the uploads. */
    sent() {
      live.current.clear();
      if (emptyWhenSent) setFiles([]);
    },
  };
}
