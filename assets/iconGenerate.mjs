// Generates assets/icon.png (512×512): a teal rounded square with a white lens ring and
// three "log lines". Plain zlib + PNG chunks, so no image library is needed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 512;

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function pixel(x, y) {
  const r = 96;
  const cx = Math.min(Math.max(x, r), size - 1 - r);
  const cy = Math.min(Math.max(y, r), size - 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return [0, 0, 0, 0];
  const d = Math.hypot(x - 230, y - 230);
  if (d > 120 && d < 150) return [255, 255, 255, 255];
  const handle = Math.abs((x - y)) < 22 && x > 330 && x < 430;
  if (handle) return [255, 255, 255, 255];
  const line = [190, 230, 270].some((ly) => Math.abs(y - ly) < 9) && x > 170 && x < 290;
  if (line && d < 120) return [255, 255, 255, 230];
  return [14, 116, 144, 255];
}

const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  raw[y * (size * 4 + 1)] = 0;
  for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
