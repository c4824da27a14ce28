// A file handed from the window to the core in pieces: the argument schema every piece-upload call shares (the import's files, an extension request's letters).
import { z } from 'zod';

/** One piece of an uploaded file: the loopback host takes request bodies of up to 1 MB, base64 adds a third. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;

/** The token of an upload, as the core answered the first piece. */
export const uploadToken = z.string().regex(/^[0-9a-f]{32}$/, '上传文件的标识无效，请重新选择文件');

export interface UploadPieceResult {
  upload: string;
  received: number;
}

/**
 * The arguments of one piece: the upload's token (absent for the first), the file's name (checked by `name`), where
 * the piece starts, the whole size (at most `maxTotal`, else `tooLarge`) and the piece itself in base64.
 */
export function uploadPieceArgs(name: z.ZodType<string>, maxTotal: number, tooLarge: string) {
  return z.object({
    /** Absent for the first piece; then the answer's upload. */
    upload: uploadToken.optional(),
    name,
    /** Where this piece starts: 0, then each answer's received. */
    offset: z.number().int().min(0),
    /** The whole file's size in bytes. */
    total: z.number().int().min(1, '文件为空').max(maxTotal, tooLarge),
    base64: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4, '上传的文件片段过大').regex(/^[A-Za-z0-9+/]*={0,2}$/, '上传的文件片段不是 base64 编码'),
  }).strict();
}
