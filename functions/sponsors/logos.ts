/**
 * Logo uploads go straight from the browser to S3 with a presigned POST whose policy pins
 * the key, the exact Content-Type (PNG, JPEG or WebP) and the size (content-length-range
 * up to 1 MB): S3 refuses anything else before storing it. SVG is refused outright (it can
 * carry script; we do not sanitise it). The draft takes a key only once the object exists
 * under the sponsor's prefix with an allowed type and size (HEAD). The same code runs
 * against the local twin's S3-compatible server.
 */
import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { DomainError, UnprocessableError } from '../core/errors.ts';
import { requireSponsor } from './profile.ts';
import { LOGO_MAX_BYTES, LOGO_TYPES } from './schemas.ts';
import type { SponsorsStore } from './store.ts';

export type LogoStorage = {
  presign(key: string, contentType: string): Promise<{ url: string; fields: Record<string, string> }>;
  head(key: string): Promise<{ contentType: string | undefined; size: number } | undefined>;
};

const UPLOAD_SECONDS = 300;
const EXTENSION: Record<(typeof LOGO_TYPES)[number], string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};
const isLogoType = (type: string): type is (typeof LOGO_TYPES)[number] =>
  (LOGO_TYPES as readonly string[]).includes(type);

/** An S3 client, or a function that makes one on first use (the Lambda loads the S3 SDK only then). */
export type S3ClientSource = S3Client | (() => Promise<S3Client>);

/**
 * S3 (or an S3-compatible server). `uploadUrl`, when given, replaces the URL the browser posts
 * to (the local twin serves its S3 server on its own origin, under /_s3/<bucket>). The S3 SDK
 * is loaded on first use: only logo uploads need it.
 */
export function s3LogoStorage(source: S3ClientSource, bucket: string, uploadUrl?: string): LogoStorage {
  let client: Promise<S3Client> | undefined;
  const s3 = () => (client ??= typeof source === 'function' ? source() : Promise.resolve(source));
  return {
    async presign(key, contentType) {
      const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
      const { url, fields } = await createPresignedPost(await s3(), {
        Bucket: bucket,
        Key: key,
        Conditions: [
          ['content-length-range', 1, LOGO_MAX_BYTES],
          ['eq', '$Content-Type', contentType],
        ],
        Fields: { 'Content-Type': contentType },
        Expires: UPLOAD_SECONDS,
      });
      return { url: uploadUrl ?? url, fields };
    },
    async head(key) {
      const { HeadObjectCommand } = await import('@aws-sdk/client-s3');
      const s3Client = await s3();
      try {
        const head = await s3Client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { contentType: head.ContentType, size: head.ContentLength ?? 0 };
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        if (status === 404 || (error as Error).name === 'NotFound') return undefined;
        throw error;
      }
    },
  };
}

/** Refuses a wrong type (422) or size (413) before anything is signed, let alone stored. */
export async function requestLogoUpload(
  deps: { store: SponsorsStore; logos: LogoStorage; now: () => Date },
  sponsorId: string,
  input: { contentType: string; size: number },
) {
  await requireSponsor(deps.store, sponsorId);
  const type = input.contentType.trim().toLowerCase();
  if (!isLogoType(type)) {
    throw new UnprocessableError('Upload a PNG, JPEG or WebP image. SVG is not accepted (it can carry scripts).', [
      { path: 'contentType', message: 'Use image/png, image/jpeg or image/webp' },
    ]);
  }
  if (input.size > LOGO_MAX_BYTES) {
    throw new DomainError(
      413,
      'too-large',
      'Content Too Large',
      `Logos are limited to 1 MB (${LOGO_MAX_BYTES} bytes).`,
    );
  }
  const key = `media/logos/${sponsorId}/${randomUUID()}.${EXTENSION[type]}`;
  const { url, fields } = await deps.logos.presign(key, type);
  const expiresAt = new Date(deps.now().getTime() + UPLOAD_SECONDS * 1000).toISOString();
  return { url, fields, key, expiresAt };
}

/** Whether a key names an uploaded logo of this sponsor with an allowed type and size. */
export function logoChecker(logos: LogoStorage) {
  return async (sponsorId: string, key: string) => {
    if (!key.startsWith(`media/logos/${sponsorId}/`)) return false;
    const head = await logos.head(key);
    if (!head?.contentType || !isLogoType(head.contentType)) return false;
    return key.endsWith(`.${EXTENSION[head.contentType]}`) && head.size > 0 && head.size <= LOGO_MAX_BYTES;
  };
}
