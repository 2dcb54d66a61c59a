/**
 * The local twin's S3: s3rver, a real S3-compatible server, holding the logos bucket (data
 * under .data/s3, or a temporary directory removed on stop with --memory). The browser
 * reaches it through the twin's own origin, as it reaches the bucket through CloudFront in
 * AWS: GET /media/* serves objects (the public logo URLs), POST /_s3/<bucket> takes the
 * presigned upload. s3rver does not enforce a POST policy, so the proxy does what S3 would
 * (post-policy.ts: signature, expiry, conditions) and refuses bodies over the 1 MB limit (plus
 * room for the form fields); the API's HEAD check before a key enters a draft is the second
 * gate, as in AWS. /media/ serves logos only (a logo key, an image type, nosniff), so nothing
 * stored can run as a page of the twin's origin.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { Hono } from 'hono';
import S3rver from 's3rver';
import { LOGO_MAX_BYTES, LOGO_TYPES, LogoKey } from '../functions/sponsors/schemas.ts';
import { postPolicyProblem } from './post-policy.ts';

export const LOGOS_BUCKET = 'logos';
const FORM_OVERHEAD_BYTES = 16 * 1024;
const SECRET = 'S3RVER';

export type LocalS3 = { client: S3Client; endpoint: string; routes: Hono; stop: () => Promise<void> };

export async function startLocalS3(options: { dataDir?: string; origins: string[] }): Promise<LocalS3> {
  const directory = options.dataDir ?? mkdtempSync(join(tmpdir(), 'citce-s3-'));
  const cors = `<CORSConfiguration><CORSRule>${options.origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('')}<AllowedMethod>GET</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: LOGOS_BUCKET, configs: [cors] }],
  });
  const address = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: SECRET },
  });

  const routes = new Hono();
  routes.get('/media/*', async (c) => {
    if (!LogoKey.safeParse(c.req.path.slice(1)).success) return c.text('Not found', 404);
    const upstream = await fetch(`${endpoint}/${LOGOS_BUCKET}${c.req.path}`);
    const type = upstream.headers.get('content-type') ?? '';
    if (!upstream.ok || !(LOGO_TYPES as readonly string[]).includes(type)) {
      await upstream.body?.cancel();
      return c.text('Not found', 404);
    }
    return new Response(upstream.body, {
      status: 200,
      headers: {
        'Content-Type': type,
        'Cache-Control': 'public, max-age=300',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'",
      },
    });
  });
  routes.post(`/_s3/${LOGOS_BUCKET}`, async (c) => {
    const length = Number(c.req.header('content-length') ?? Number.NaN);
    if (!Number.isFinite(length) || length > LOGO_MAX_BYTES + FORM_OVERHEAD_BYTES) {
      return c.text('EntityTooLarge: logos are limited to 1 MB', 400);
    }
    const body = await c.req.arrayBuffer();
    let form: FormData;
    try {
      form = await new Response(body, { headers: { 'content-type': c.req.header('content-type') ?? '' } }).formData();
    } catch {
      return c.text('MalformedPOSTRequest', 400);
    }
    // As S3 and s3rver read it: the fields before the first file, and that file.
    const fields: [string, string][] = [];
    let fileSize: number | undefined;
    for (const [name, value] of form) {
      if (name.toLowerCase() === 'file') {
        fileSize = typeof value === 'string' ? Buffer.byteLength(value) : value.size;
        break;
      }
      fields.push([name, typeof value === 'string' ? value : '']);
    }
    if (fileSize === undefined) return c.text('InvalidArgument: the form carries no file', 400);
    const problem = postPolicyProblem(fields, fileSize, { secret: SECRET, bucket: LOGOS_BUCKET, now: new Date() });
    if (problem) return c.text(problem, 403);
    const upstream = await fetch(`${endpoint}/${LOGOS_BUCKET}`, {
      method: 'POST',
      headers: { 'content-type': c.req.header('content-type') ?? '' },
      body,
    });
    return new Response(upstream.body, { status: upstream.status });
  });

  return {
    client,
    endpoint,
    routes,
    stop: async () => {
      await server.close();
      if (!options.dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
}
