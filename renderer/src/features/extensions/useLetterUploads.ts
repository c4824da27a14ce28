// The request dialog's letters: each picked file uploaded at once in pieces (extensions.upload) with its progress, removed from the core when taken out or when the dialog closes unsent.
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX } from '../../../../shared/extensions/api';
import type { PickedFile, UploadPiece } from '../../lib/upload';
import { usePieceUploads } from '../../lib/usePieceUploads';
import { api } from '../../stores';

/** Why a picked file cannot be a letter, checked before a byte is sent (the core checks again); null when it can. */
export function letterProblem(f: Pick<PickedFile, 'name' | 'size'>, already: ReadonlyArray<{ name: string }>): string | null {
  if (already.length >= ATTACHMENTS_MAX) return `附件最多 ${ATTACHMENTS_MAX} 个`;
  if (f.size > ATTACHMENT_MAX_BYTES) return `“${f.name}”超过 10 MB，请压缩或分开扫描后再添加`;
  if (already.some((l) => l.name === f.name)) return `附件“${f.name}”重复`;
  return null;
}

const letterCalls = {
  send: (piece: UploadPiece) => api['extensions.upload'](piece),
  discard: (upload: string) => void api['extensions.discardUpload']({ upload }),
  problem: letterProblem,
};

export function useLetterUploads(onError: (message: string | null) => void) {
  // The dialog closes once the request is made, so its list is left as it was.
  const { files, sent, ...uploads } = usePieceUploads(letterCalls, onError, false);
  /** The request was made: the core removed the uploads itself. */
  return { ...uploads, letters: files, markSent: sent };
}
