// A real PNG for tests: a white page with grey "lines of text" and faint noise (so it does not compress away), of about the size asked for.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** An RGB scan of `width` × `height` that decodes in any browser; the seed makes the noise repeatable. */
export function scannedLetterPng(width: number, height: number, seed = 7): Buffer {
  let x = seed >>> 0 || 1;
  const rand = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) & 0xff;
  };
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0;
    // Lines of "text" every 40 px, 14 px high, with ragged ends, inside the page's margins.
    const inLine = y > 120 && y < height - 120 && y % 40 < 14;
    const lineEnd = width - 100 - ((y / 40) % 5) * 60;
    for (let i = 0; i < width; i++) {
      const ink = inLine && i > 100 && i < lineEnd && (i >> 3) % 7 !== 0;
      const base = ink ? 70 : 250;
      const n = rand() & 0x1f;
      const o = y * row + 1 + i * 3;
      raw[o] = base - n;
      raw[o + 1] = base - n;
      raw[o + 2] = base - (n >> 1);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
