/** Uploads the built site to its bucket (new files first, stale ones last) and invalidates the CDN. */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Hashed Astro assets never change; pages must be revalidated so a publish shows at once. */
export function cacheControl(key: string): string {
  return key.startsWith('_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
}

export async function uploadSite(options: { dist: string; bucket: string; distributionId: string; region: string }) {
  const s3 = new S3Client({ region: options.region });
  const keys = files(options.dist)
    .filter((f) => !f.endsWith('.build-stamp'))
    .map((f) => relative(options.dist, f).split(sep).join('/'));
  for (const key of keys) {
    await s3.send(
      new PutObjectCommand({
        Bucket: options.bucket,
        Key: key,
        Body: readFileSync(join(options.dist, key)),
        ContentType: contentTypes[extname(key)] ?? 'application/octet-stream',
        CacheControl: cacheControl(key),
      }),
    );
  }
  const wanted = new Set(keys);
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: options.bucket, ContinuationToken: token }));
    const stale = (page.Contents ?? []).map((o) => o.Key!).filter((k) => !wanted.has(k));
    if (stale.length > 0) {
      await s3.send(
        new DeleteObjectsCommand({ Bucket: options.bucket, Delete: { Objects: stale.map((Key) => ({ Key })) } }),
      );
    }
    token = page.NextContinuationToken;
  } while (token);
  await new CloudFrontClient({ region: 'us-east-1' }).send(
    new CreateInvalidationCommand({
      DistributionId: options.distributionId,
      InvalidationBatch: { CallerReference: `deploy-${Date.now()}`, Paths: { Quantity: 1, Items: ['/*'] } },
    }),
  );
  return keys.length;
}
