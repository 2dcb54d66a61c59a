import { describe, expect, it } from 'vitest';
import { checkLogo, formatSize, LOGO_MAX_BYTES, LOGO_TYPES, sniffImageType } from '../../site/src/lib/logo-upload.ts';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const webp = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50]);
const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">');

describe("the portal's logo checks", () => {
  it('reads PNG, JPEG and WebP from their first bytes and nothing else', () => {
    expect([png, jpeg, webp, svg, new Uint8Array()].map(sniffImageType)).toEqual([
      'image/png',
      'image/jpeg',
      'image/webp',
      undefined,
      undefined,
    ]);
  });

  it('accepts an image whose bytes match its declared type, up to 1 MB exactly', () => {
    expect(checkLogo({ name: 'logo.png', type: 'image/png', size: LOGO_MAX_BYTES }, png)).toEqual({
      ok: true,
      type: 'image/png',
    });
    expect(checkLogo({ name: 'logo.webp', type: 'image/webp', size: 10 }, webp)).toEqual({
      ok: true,
      type: 'image/webp',
    });
  });

  it('refuses SVG, a renamed file, an oversize file and an empty one, saying why', () => {
    expect(checkLogo({ name: 'logo.svg', type: 'image/svg+xml', size: 100 }, svg)).toEqual({
      ok: false,
      reason: 'type',
      type: 'SVG',
    });
    // Declared PNG, but the bytes are a JPEG: the bytes decide what it is called.
    expect(checkLogo({ name: 'logo.png', type: 'image/png', size: 100 }, jpeg)).toEqual({
      ok: false,
      reason: 'type',
      type: 'JPEG',
    });
    expect(checkLogo({ name: 'notes.txt', type: '', size: 100 }, new TextEncoder().encode('hello'))).toEqual({
      ok: false,
      reason: 'type',
      type: 'TXT',
    });
    expect(checkLogo({ name: 'big.jpg', type: 'image/jpeg', size: LOGO_MAX_BYTES + 1 }, jpeg)).toEqual({
      ok: false,
      reason: 'size',
      size: LOGO_MAX_BYTES + 1,
    });
    expect(checkLogo({ name: 'empty.png', type: 'image/png', size: 0 }, new Uint8Array())).toEqual({
      ok: false,
      reason: 'empty',
    });
  });

  it('writes sizes for people in both languages', () => {
    expect([formatSize(870_000, 'en'), formatSize(1_468_006, 'en'), formatSize(1_468_006, 'fr')]).toEqual([
      '850 KB',
      '1.4 MB',
      '1,4 Mo',
    ]);
  });

  it('uses the limits of the API', async () => {
    const api = await import('../../functions/sponsors/schemas.ts');
    expect([[...LOGO_TYPES], LOGO_MAX_BYTES]).toEqual([[...api.LOGO_TYPES], api.LOGO_MAX_BYTES]);
  });
});
