/**
 * A QR code as a PNG image, small enough to ride inline in a mail (`cid:`): the modules
 * come from uqr, the PNG is written here (1-bit greyscale, zlib from Node), so no image
 * library is needed. Mail clients show PNG everywhere; SVG and data: URIs they often block.
 */
import { crc32, deflateSync } from 'node:zlib';
import { encode } from 'uqr';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of `text` as a QR code, `scale` pixels a module, with the standard 4-module quiet zone. */
export function qrPng(text: string, scale = 6): Buffer {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const side = size * scale;
  const rowBytes = Math.ceil(side / 8);
  const raw = Buffer.alloc((rowBytes + 1) * side);
  for (let y = 0; y < side; y += 1) {
    const row = data[Math.floor(y / scale)] ?? [];
    const offset = y * (rowBytes + 1);
    raw[offset] = 0; // filter: none
    for (let x = 0; x < side; x += 1) {
      // 1-bit greyscale: 1 is white, so set the bit for light modules.
      const at = offset + 1 + (x >> 3);
      if (!row[Math.floor(x / scale)]) raw[at] = (raw[at] ?? 0) | (0x80 >> (x & 7));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
