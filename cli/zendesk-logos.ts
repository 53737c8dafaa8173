/**
 * node cli/zendesk-logos.ts: draws the Zendesk app's logos (integrations/zendesk/assets/logo.png,
 * 320x320, and logo-small.png, 128x128, the sizes Zendesk asks for): an open book in white on
 * Knowhow's green, as plain PNGs made here with node:zlib, no image library.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PROJECT_ROOT } from './lib/review-content.ts';

type Pixel = readonly [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG of `size` x `size`, each pixel from `paint` (x and y from 0 to 1). */
export function squarePng(size: number, paint: (x: number, y: number) => Pixel): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const pixel = paint((x + 0.5) / size, (y + 0.5) / size);
      rows.set(pixel, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const GREEN: Pixel = [10, 125, 107, 255];
const WHITE: Pixel = [255, 255, 255, 255];
const CLEAR: Pixel = [0, 0, 0, 0];

/** A rounded green square with an open book: two white pages either side of a green spine. */
function logo(x: number, y: number): Pixel {
  const r = 0.18;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return CLEAR;
  const inBook = y > 0.28 && y < 0.74 && x > 0.2 && x < 0.8;
  const spine = Math.abs(x - 0.5) < 0.025;
  const sag = 0.04 * Math.cos((Math.abs(x - 0.5) / 0.3) * (Math.PI / 2));
  if (inBook && !spine && y > 0.28 + sag) return WHITE;
  return GREEN;
}

const assets = resolve(PROJECT_ROOT, 'integrations/zendesk/assets');
writeFileSync(resolve(assets, 'logo.png'), squarePng(320, logo));
writeFileSync(resolve(assets, 'logo-small.png'), squarePng(128, logo));
console.log('Wrote integrations/zendesk/assets/logo.png (320x320) and logo-small.png (128x128).');
