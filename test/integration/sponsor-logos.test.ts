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

  /** Posts a form to the twin's upload proxy, as a browser sends it; `after`: fields after the file. */
  const postToTwin = async (fields: Record<string, string>, file: Blob, after: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, 'upload');
    for (const [name, value] of Object.entries(after)) form.append(name, value);
    const encoded = new Response(form);
    const body = await encoded.arrayBuffer();
    return s3.routes.request(`/_s3/${LOGOS_BUCKET}`, {
      method: 'POST',
      body,
      headers: { 'content-type': encoded.headers.get('content-type')!, 'content-length': String(body.byteLength) },
    });
  };
  const presigned = async () => {
    const response = await ask({ contentType: 'image/png', size: PNG.length });
    return (await response.json()) as { fields: Record<string, string>; key: string };
  };

  it("takes an upload through the twin's proxy only as S3 would: signed, unexpired, within the policy", async () => {
    const html = new Blob(['<script>alert(document.domain)</script>'], { type: 'text/html' });
    const before = await stored();
    const { fields, key } = await presigned();
    const forged = 'media/logos/evil/0b6e2a4c-3f1d-4e5a-9c7b-2d8f1a6e4b33.png';
    const answers = [];
    for (const [label, form, file, after] of [
      ['no policy', { key: forged, 'Content-Type': 'text/html' }, html, {}],
      ['another key', { ...fields, key: forged }, new Blob([PNG]), {}],
      // S3 and s3rver read the fields before the file: the one after cannot stand in for them.
      ['another key, the signed one after the file', { ...fields, key: forged }, new Blob([PNG]), { key }],
      ['another type', { ...fields, 'Content-Type': 'text/html' }, html, {}],
      ['a forged signature', { ...fields, 'X-Amz-Signature': '0'.repeat(64) }, new Blob([PNG]), {}],
    ] as const) {
      const response = await postToTwin(form, file, after);
      answers.push([label, response.status, await response.text()]);
    }
    expect(answers).toEqual([
      ['no policy', 403, 'AccessDenied: the form carries no signed policy'],
      ['another key', 403, 'AccessDenied: key does not match the policy'],
      ['another key, the signed one after the file', 403, 'AccessDenied: key does not match the policy'],
      ['another type', 403, 'AccessDenied: $Content-Type does not match the policy'],
      ['a forged signature', 403, 'SignatureDoesNotMatch'],
    ]);
    expect(await stored()).toEqual(before);

    const accepted = await postToTwin(fields, new Blob([PNG], { type: 'image/png' }));
    expect(accepted.status).toBeLessThan(300);
    const served = await s3.routes.request(`/${key}`);
    expect({
      status: served.status,
      type: served.headers.get('content-type'),
      sniff: served.headers.get('x-content-type-options'),
    }).toEqual({ status: 200, type: 'image/png', sniff: 'nosniff' });
  });

  it('serves under /media/ only logos: a logo key holding an image type', async () => {
    const html = 'media/logos/northwind-trade/0b6e2a4c-3f1d-4e5a-9c7b-2d8f1a6e4b34.png';
    const notALogoKey = 'media/logos/evil/pwn.html';
    for (const [Key, ContentType] of [
      [html, 'text/html'],
      [notALogoKey, 'image/png'],
    ]) {
      await s3.client.send(new PutObjectCommand({ Bucket: LOGOS_BUCKET, Key, Body: PNG, ContentType }));
    }
    const statuses = [];
    for (const key of [html, notALogoKey]) statuses.push((await s3.routes.request(`/${key}`)).status);
    expect(statuses).toEqual([404, 404]);
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
