// The request dialog's letters: each picked file uploaded at once in pieces (extensions.upload) with its progress, removed from the core when taken out or when the dialog closes unsent.
import { useEffect, useRef, useState } from 'react';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX } from '../../../../shared/extensions/api';
import { uploadPieces, type PickedFile } from '../../lib/upload';
import { api } from '../../stores';

export interface LetterUpload {
  key: number;
  name: string;
  size: number;
  sent: number;
  /** The core's token once every piece arrived. */
  upload: string | null;
  error: string | null;
}

export function useLetterUploads(onError: (message: string | null) => void) {
  const [letters, setLetters] = useState<LetterUpload[]>([]);
  const seq = useRef(0);
  const live = useRef(new Map<number, string | null>());
  const sent = useRef(false);

  const patch = (key: number, p: Partial<LetterUpload>) => setLetters((all) => all.map((l) => (l.key === key ? { ...l, ...p } : l)));

  // Closing the dialog unsent leaves nothing behind in the core's letters folder.
  useEffect(() => () => {
    if (sent.current) return;
    for (const token of live.current.values()) if (token) void api['extensions.discardUpload']({ upload: token });
  }, []);

  async function start(file: PickedFile, key: number) {
    live.current.set(key, null);
    const out = await uploadPieces((piece) => api['extensions.upload'](piece), file, (n) => patch(key, { sent: n }), () => !live.current.has(key));
    if (out === null) return;
    if (!out.ok) {
      live.current.delete(key);
      patch(key, { error: out.error.message });
      return;
    }
    if (!live.current.has(key)) {
      void api['extensions.discardUpload']({ upload: out.upload });
      return;
    }
    live.current.set(key, out.upload);
    patch(key, { upload: out.upload, sent: file.size });
  }

  function add(files: ReadonlyArray<PickedFile>) {
    onError(null);
    const added: LetterUpload[] = [];
    for (const f of files) {
      if (letters.length + added.length >= ATTACHMENTS_MAX) {
        onError(`附件最多 ${ATTACHMENTS_MAX} 个`);
        break;
      }
      if (f.size > ATTACHMENT_MAX_BYTES) {
        onError(`“${f.name}”超过 10 MB，请压缩或分开扫描后再添加`);
        continue;
      }
      if (letters.some((l) => l.name === f.name) || added.some((l) => l.name === f.name)) {
        onError(`附件“${f.name}”重复`);
        continue;
      }
      const key = ++seq.current;
      added.push({ key, name: f.name, size: f.size, sent: 0, upload: null, error: null });
      void start(f, key);
    }
    setLetters((all) => [...all, ...added]);
  }

  function remove(key: number) {
    const token = live.current.get(key);
    live.current.delete(key);
    if (token) void api['extensions.discardUpload']({ upload: token });
    setLetters((all) => all.filter((l) => l.key !== key));
    onError(null);
  }

  return {
    letters,
    add,
    remove,
    /** Every letter has arrived whole (none still sending, none refused). */
    ready: letters.every((l) => l.upload !== null),
    /** The request was made: the core removed the uploads itself. */
    markSent() {
      sent.current = true;
    },
  };
}
