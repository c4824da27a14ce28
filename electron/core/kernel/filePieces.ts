// A file handed to the window in pieces over the API (an export, an import's rejected rows): no answer holds a large file whole, and no file is served by path.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from './errors';

export interface FilePiece {
  base64: string;
  /** Where the next piece starts; equal to total after the last one. */
  next: number;
  total: number;
}

/** The piece of `file` that starts at `offset`, of at most `max` bytes. */
export function readPiece(file: string, offset: number, max: number): FilePiece {
  const fd = openSync(file, 'r');
  try {
    const total = fstatSync(fd).size;
    if (offset > total) throw new InputError('文件的读取位置超出了文件长度', 'offset');
    const piece = Buffer.alloc(Math.min(max, total - offset));
    readSync(fd, piece, 0, piece.length, offset);
    return { base64: piece.toString('base64'), next: offset + piece.length, total };
  } finally {
    closeSync(fd);
  }
}
