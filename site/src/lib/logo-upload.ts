/**
 * The browser's own checks of a logo before anything is uploaded: the same limits as the API
 * (PNG, JPEG or WebP, at most 1 MB; no SVG), judged by the declared type and by the file's
 * first bytes, so a renamed file is refused here too with a clear message. Pure functions.
 */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
export const LOGO_MAX_BYTES = 1_048_576;

export type LogoCheck =
  | { ok: true; type: LogoType }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'type'; type: string }
  | { ok: false; reason: 'size'; size: number };

/** The image type the bytes begin with (PNG, JPEG, WebP), or undefined for anything else. */
export function sniffImageType(head: Uint8Array): LogoType | undefined {
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  // "RIFF" <size> "WEBP"
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return undefined;
}

/** A short name for a type in messages: "image/svg+xml" → "SVG", "" → the file's extension or "unknown". */
export function typeName(declared: string, fileName: string): string {
  const sub = declared.split('/')[1]?.split('+')[0];
  if (sub) return sub.toUpperCase();
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1];
  return ext ? ext.toUpperCase() : '?';
}

/**
 * Whether the file may be uploaded: not empty, at most 1 MB, declared as PNG, JPEG or WebP,
 * and its first bytes agree with the declared type.
 */
export function checkLogo(file: { name: string; type: string; size: number }, head: Uint8Array): LogoCheck {
  if (file.size === 0) return { ok: false, reason: 'empty' };
  const declared = (LOGO_TYPES as readonly string[]).includes(file.type) ? (file.type as LogoType) : undefined;
  const sniffed = sniffImageType(head);
  if (!declared || sniffed !== declared) {
    return { ok: false, reason: 'type', type: typeName(sniffed ?? file.type, file.name) };
  }
  if (file.size > LOGO_MAX_BYTES) return { ok: false, reason: 'size', size: file.size };
  return { ok: true, type: declared };
}

/** A size for people: "850 KB", "1.4 MB" (one decimal, in the page's language). */
export function formatSize(bytes: number, lang: string): string {
  const number = (n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024 * 1024) return `${number(Math.ceil(bytes / 1024))} ${lang === 'fr' ? 'Ko' : 'KB'}`;
  return `${number(bytes / (1024 * 1024))} ${lang === 'fr' ? 'Mo' : 'MB'}`;
}
