/** Reads PNGs back in tests: the header, and the pixels (decoded by resvg from an <image>). */
import { Resvg } from '@resvg/resvg-js';
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height and the inflated image data size of a PNG; throws when it is not a well-formed 8-bit PNG. */
export function pngInfo(png: Uint8Array): { width: number; height: number; channels: number } {
  const b = Buffer.from(png);
  if (!b.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: bad signature');
  let off = 8, width = 0, height = 0, channels = 0;
  const idat: Buffer[] = [];
  while (off < b.length) {
    const len = b.readUInt32BE(off), type = b.toString('ascii', off + 4, off + 8), data = b.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]!] ?? 0;
      if (data[8] !== 8 || channels === 0) throw new Error(`unexpected PNG bit depth ${data[8]} / colour type ${data[9]}`);
    }
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length !== height * (1 + width * channels)) throw new Error(`PNG data is ${raw.length} bytes, expected ${height * (1 + width * channels)}`);
  return { width, height, channels };
}

/** Fraction of pixels that are not (near) white, from the decoded RGBA pixels. */
export function inkFraction(png: Uint8Array): number {
  const { width, height } = pngInfo(png);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`;
  const px = new Resvg(svg).render().pixels;
  let ink = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i + 3]! > 0 && (px[i]! < 235 || px[i + 1]! < 235 || px[i + 2]! < 235)) ink++;
  return ink / (px.length / 4);
}
