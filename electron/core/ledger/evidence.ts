// Evidence files of a ledger progress entry: recognised by their name AND their first bytes (PDF, PNG, JPEG, OOXML zip, the old Office format), capped at 10 MB and 5 a time.
import { createHash } from 'node:crypto';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES } from '../../../shared/ledger/api';
import { InputError } from '../kernel/errors';

export interface CheckedEvidence {
  name: string;
  mime: string;
  bytes: Buffer;
  sha256: string;
}

type Sniffed = 'pdf' | 'png' | 'jpeg' | 'zip' | 'ole';
const MAGIC: Array<[Sniffed, Buffer]> = [
  ['pdf', Buffer.from('%PDF-', 'latin1')],
  ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['jpeg', Buffer.from([0xff, 0xd8, 0xff])],
  // .docx and .xlsx are zip files; a zip's first entry header starts PK\3\4.
  ['zip', Buffer.from([0x50, 0x4b, 0x03, 0x04])],
  // .doc and .xls (Office 97–2003) are OLE compound files.
  ['ole', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
];

/** What each allowed extension must contain, and the type the file is served with. */
const BY_EXTENSION: Record<string, { sniffed: Sniffed; mime: string; label: string }> = {
  pdf: { sniffed: 'pdf', mime: 'application/pdf', label: 'PDF' },
  png: { sniffed: 'png', mime: 'image/png', label: 'PNG 图片' },
  jpg: { sniffed: 'jpeg', mime: 'image/jpeg', label: 'JPEG 图片' },
  jpeg: { sniffed: 'jpeg', mime: 'image/jpeg', label: 'JPEG 图片' },
  docx: { sniffed: 'zip', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档' },
  xlsx: { sniffed: 'zip', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格' },
  doc: { sniffed: 'ole', mime: 'application/msword', label: 'Word 文档' },
  xls: { sniffed: 'ole', mime: 'application/vnd.ms-excel', label: 'Excel 表格' },
};

export function sniffEvidence(bytes: Buffer): Sniffed | null {
  for (const [kind, magic] of MAGIC) if (bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic)) return kind;
  return null;
}

/** The file's own name without any folder. */
export function baseName(name: string): string {
  return name.replace(/^.*[\\/]/, '');
}

/**
 * A file's kind from its name, held against its first bytes: a renamed file (a .exe called .pdf, a photo called .docx)
 * is refused naming the file, because it would open in the wrong program on the president's desk.
 */
export function checkEvidenceKind(name: string, head: Buffer): string {
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  const want = ext ? BY_EXTENSION[ext] : undefined;
  if (!want) throw new InputError(`“${name}”不是可以作为佐证材料的文件：只能是 PDF、PNG 或 JPEG 图片、Word 或 Excel 文件`, 'evidence');
  if (sniffEvidence(head) !== want.sniffed) throw new InputError(`“${name}”的内容不是${want.label}，与文件名不符，没有保存`, 'evidence');
  return want.mime;
}

/** Each file checked (kind, size, repeated name, empty), in order; refused whole, naming the first file at fault. */
export function checkEvidence(list: ReadonlyArray<{ name: string; bytes: Buffer }>): CheckedEvidence[] {
  if (list.length > EVIDENCE_MAX_FILES) throw new InputError(`一次最多附 ${EVIDENCE_MAX_FILES} 个佐证材料`, 'evidence');
  const names = new Set<string>();
  return list.map((f) => {
    const name = baseName(f.name);
    if (names.has(name)) throw new InputError(`佐证材料“${name}”重复`, 'evidence');
    names.add(name);
    if (f.bytes.length === 0) throw new InputError(`佐证材料“${name}”是空文件`, 'evidence');
    if (f.bytes.length > EVIDENCE_MAX_BYTES) throw new InputError(`佐证材料“${name}”超过 10 MB`, 'evidence');
    const mime = checkEvidenceKind(name, f.bytes);
    return { name, mime, bytes: f.bytes, sha256: createHash('sha256').update(f.bytes).digest('hex') };
  });
}
