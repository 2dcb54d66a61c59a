import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { uploadSite } from '../../scripts/upload-site.ts';

const s3 = mockClient(S3Client);
const cloudfront = mockClient(CloudFrontClient);

beforeEach(() => {
  s3.reset();
  cloudfront.reset();
});

describe('site upload', () => {
  it('uploads every file with its type and caching, removes stale objects, then invalidates', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'dist-'));
    mkdirSync(join(dist, 'fr'));
    mkdirSync(join(dist, '_astro'));
    writeFileSync(join(dist, 'index.html'), '<h1>en</h1>');
    writeFileSync(join(dist, 'fr', 'index.html'), '<h1>fr</h1>');
    writeFileSync(join(dist, '_astro', 'page.abc123.css'), 'body{}');
    writeFileSync(join(dist, '.build-stamp'), 'local only');
    s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'index.html' }, { Key: 'old/index.html' }] });

    const count = await uploadSite({ dist, bucket: 'site-bucket', distributionId: 'E123', region: 'eu-west-1' });

    expect(count).toBe(3);
    expect(
      s3
        .commandCalls(PutObjectCommand)
        .map((c) => [c.args[0].input.Key, c.args[0].input.ContentType, c.args[0].input.CacheControl])
        .sort(),
    ).toEqual([
      ['_astro/page.abc123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['fr/index.html', 'text/html; charset=utf-8', 'public, max-age=0, must-revalidate'],
      ['index.html', 'text/html; charset=utf-8', 'public, max-age=0, must-revalidate'],
    ]);
    expect(s3.commandCalls(DeleteObjectsCommand).map((c) => c.args[0].input.Delete?.Objects)).toEqual([
      [{ Key: 'old/index.html' }],
    ]);
    expect(
      cloudfront.commandCalls(CreateInvalidationCommand).map((c) => c.args[0].input.InvalidationBatch?.Paths),
    ).toEqual([{ Quantity: 1, Items: ['/*'] }]);
  });
});
