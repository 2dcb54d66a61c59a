/**
 * Logo uploads against a real S3-compatible server (s3rver, as in the local twin): wrong type
 * and oversize are refused before anything is stored; a draft takes only a key of its own
 * sponsor whose object exists with an allowed type and size.
 */
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3LogoStorage } from '../../functions/sponsors/logos.ts';
import { seededAccounts } from '../../local/accounts.ts';
import { LOGOS_BUCKET, type LocalS3, startLocalS3 } from '../../local/s3.ts';
import { seedDemoConference } from '../../local/seed.ts';
import { localApi, UNREACHED_LIMITS } from '../support/apps.ts';
import { testIssuer } from '../support/tokens.ts';
import { freshTable } from './table.ts';

const sub = (email: string) => seededAccounts.find((a) => a.email === email)!.sub;
const A = '/api/sponsors/northwind-trade';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('logo uploads', () => {
  let s3: LocalS3;
  let app: ReturnType<typeof localApi>;
  let sponsorA: Record<string, string>;

  beforeAll(async () => {
    s3 = await startLocalS3({ origins: ['http://localhost:4321'] });
    const { doc, tableName } = await freshTable('logos');
    await seedDemoConference(doc, tableName);
    const issuer = await testIssuer();
    app = localApi({
      doc,
      tableName,
      verifyToken: issuer.verifyToken,
      limits: UNREACHED_LIMITS,
      logos: s3LogoStorage(s3.client, LOGOS_BUCKET),
    });
    const email = 'sponsor-a@example.org';
    sponsorA = { authorization: `Bearer ${await issuer.sign({ sub: sub(email), email })}` };
  });
  afterAll(async () => s3?.stop());

  const stored = async () =>
    ((await s3.client.send(new ListObjectsV2Command({ Bucket: LOGOS_BUCKET }))).Contents ?? []).map((o) => o.Key);
  const ask = (body: object) =>
    app.request(`${A}/logo-upload`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { ...sponsorA, 'content-type': 'application/json' },
    });
  const save = async (logoKey: string) => {
    const current = await app.request(`${A}/profile`, { headers: sponsorA });
    return app.request(`${A}/profile`, {
      method: 'PUT',
      body: JSON.stringify({ logoKey }),
      headers: { ...sponsorA, 'content-type': 'application/json', 'if-match': current.headers.get('etag')! },
    });
  };

  it('refuses a wrong type or an oversize file before signing anything', async () => {
    const answers = [];
    for (const body of [
      { contentType: 'image/svg+xml', size: 1000 },
      { contentType: 'text/html', size: 1000 },
      { contentType: 'image/png', size: 1_048_577 },
    ]) {
      const response = await ask(body);
      answers.push({ status: response.status, fields: ((await response.json()) as { fields?: object }).fields });
    }
    expect(answers).toEqual([
      { status: 422, fields: undefined },
      { status: 422, fields: undefined },
      { status: 413, fields: undefined },
    ]);
    expect(await stored()).toEqual([]);
  });

  it('uploads through the presigned POST and lets the draft take the key', async () => {
    const response = await ask({ contentType: 'image/png', size: PNG.length });
    expect(response.status).toBe(200);
    const upload = (await response.json()) as { url: string; fields: Record<string, string>; key: string };
    expect(upload.key).toMatch(/^media\/logos\/northwind-trade\/[0-9a-f-]{36}\.png$/);
    expect(upload.fields['Content-Type']).toBe('image/png');
    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, 'base64').toString()) as { conditions: unknown[] };
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 1_048_576]);
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'image/png']);
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'logo.png');
    const posted = await fetch(upload.url, { method: 'POST', body: form });
    expect(posted.status).toBeLessThan(300);
    expect(await stored()).toEqual([upload.key]);

    const saved = await save(upload.key);
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { logoUrl: string }).logoUrl).toBe(`http://localhost:4321/${upload.key}`);

    // The twin serves it at /media/... on its own origin, as CloudFront does in AWS.
    const served = await s3.routes.request(`/${upload.key}`);
    expect({ status: served.status, type: served.headers.get('content-type') }).toEqual({
      status: 200,
      type: 'image/png',
    });
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("refuses an oversize body at the twin's upload proxy, storing nothing", async () => {
    const before = await stored();
    const response = await s3.routes.request(`/_s3/${LOGOS_BUCKET}`, {
      method: 'POST',
      body: new Uint8Array(1_200_000),
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '1200000' },
    });
    expect(response.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('refuses a key of another sponsor, a missing object and an object of the wrong type', async () => {
    const other = 'media/logos/borealis-scanning/0b6e2a4c-3f1d-4e5a-9c7b-2d8f1a6e4b30.png';
    const missing = 'media/logos/northwind-trade/0b6e2a4c-3f1d-4e5a-9c7b-2d8f1a6e4b31.png';
    const wrongType = 'media/logos/northwind-trade/0b6e2a4c-3f1d-4e5a-9c7b-2d8f1a6e4b32.png';
    await s3.client.send(
      new PutObjectCommand({ Bucket: LOGOS_BUCKET, Key: other, Body: PNG, ContentType: 'image/png' }),
    );
    await s3.client.send(
      new PutObjectCommand({ Bucket: LOGOS_BUCKET, Key: wrongType, Body: '<svg/>', ContentType: 'image/svg+xml' }),
    );
    const statuses = [];
    for (const key of [other, missing, wrongType]) statuses.push((await save(key)).status);
    expect(statuses).toEqual([422, 422, 422]);
  });
});
