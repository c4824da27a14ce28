// The letters attached to an extension request: decoded, recognised by their first bytes (not their names), capped.
import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/extensions/api';
import { InputError } from '../kernel/errors';

export type AttachmentMime = 'application/pdf' | 'image/png' | 'image/jpeg';

export interface CheckedAttachment {
  name: string;
  mime: AttachmentMime;
  bytes: Buffer;
  sha256: string;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PDF = Buffer.from('%PDF-', 'latin1');

/** What the bytes are, whatever the file is called: a scanned letter renamed .pdf is still caught. */
export function sniffMime(bytes: Buffer): AttachmentMime | null {
  if (bytes.subarray(0, PDF.length).equals(PDF)) return 'application/pdf';
  if (bytes.subarray(0, PNG.length).equals(PNG)) return 'image/png';
  if (bytes.subarray(0, JPEG.length).equals(JPEG)) return 'image/jpeg';
  return null;
}

const EXPECTED: Record<string, AttachmentMime> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };
const KIND_LABEL: Record<AttachmentMime, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG 图片', 'image/jpeg': 'JPEG 图片' };

/** A letter's kind, from its first bytes, held against its name: refused naming the file when either is wrong. */
export function checkLetterKind(name: string, bytes: Buffer): AttachmentMime {
  const mime = sniffMime(bytes);
  if (!mime) throw new InputError(`“${name}”不是 PDF 或图片文件`, 'attachments');
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  const named = ext ? EXPECTED[ext] : undefined;
  // A name that promises another kind would open in the wrong program on the president's desk.
  if (named !== mime) throw new InputError(`“${name}”的内容是${KIND_LABEL[mime]}，与文件名不符；请使用 .${mime === 'application/pdf' ? 'pdf' : mime === 'image/png' ? 'png' : 'jpg'} 文件名`, 'attachments');
  return mime;
}

/**
 * Each letter checked, refused with its name: a repeated name, an empty file, over 10 MB, content that is no PDF or
 * image, or a name that lies. Letters sent inline (base64) and letters uploaded in pieces meet the same checks here.
 */
export function checkAttachments(list: ReadonlyArray<{ name: string; bytes: Buffer }>): CheckedAttachment[] {
  const names = new Set<string>();
  return list.map((a) => {
    const name = a.name.replace(/^.*[\\/]/, '');
    if (names.has(name)) throw new InputError(`附件“${name}”重复`, 'attachments');
    names.add(name);
    const bytes = a.bytes;
    if (bytes.length === 0) throw new InputError(`附件“${name}”是空文件`, 'attachments');
    if (bytes.length > ATTACHMENT_MAX_BYTES) throw new InputError(`附件“${name}”超过 10 MB`, 'attachments');
    const mime = checkLetterKind(name, bytes);
    return { name, mime, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}
