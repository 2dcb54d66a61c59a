/**
 * The local twin's check of browser-based uploads, against policies the AWS SDK signs
 * (local/post-policy.ts): what S3 refuses, the twin refuses.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { describe, expect, it } from 'vitest';
import { postPolicyProblem } from '../../local/post-policy.ts';

const SECRET = 'S3RVER';
const client = new S3Client({
  endpoint: 'http://127.0.0.1:1',
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: SECRET },
});
const KEY = 'media/logos/northwind-trade/0b6e2a4c-3f1d-4e5a-9c7b-2d8f1a6e4b31.png';

async function signed() {
  const { fields } = await createPresignedPost(client, {
    Bucket: 'logos',
    Key: KEY,
    Conditions: [
      ['content-length-range', 1, 1000],
      ['eq', '$Content-Type', 'image/png'],
    ],
    Fields: { 'Content-Type': 'image/png' },
    Expires: 60,
  });
  return Object.entries(fields);
}
const check = (form: [string, string][], size = 10, now = new Date(), secret = SECRET) =>
  postPolicyProblem(form, size, { secret, bucket: 'logos', now });

describe('browser-based upload policies on the local twin', () => {
  it('takes a form the SDK signed, within its conditions', async () => {
    expect(check(await signed())).toBeUndefined();
  });

  it.each([
    ['another secret', (form: [string, string][]) => check(form, 10, new Date(), 'other'), 'SignatureDoesNotMatch'],
    [
      'an expired policy',
      (form: [string, string][]) => check(form, 10, new Date(Date.now() + 61_000)),
      'AccessDenied: the policy expired',
    ],
    ['an empty file', (form: [string, string][]) => check(form, 0), 'EntityTooSmall'],
    ['a file over the range', (form: [string, string][]) => check(form, 1001), 'EntityTooLarge'],
    [
      'another key',
      (form: [string, string][]) => check(form.map(([n, v]) => [n, n === 'key' ? 'media/logos/evil/x.png' : v])),
      'AccessDenied: key does not match the policy',
    ],
    [
      'a field repeated in another case',
      (form: [string, string][]) => check([...form, ['content-type', 'text/html']]),
      'InvalidArgument: the field content-type is repeated',
    ],
    [
      'a field no condition names',
      (form: [string, string][]) => check([...form, ['acl', 'public-read']]),
      'AccessDenied: the policy has no condition for the field acl',
    ],
  ])('refuses %s', async (_label, run, problem) => {
    expect(run(await signed())).toBe(problem);
  });

  it('lets x-ignore- fields through, as S3 does', async () => {
    expect(check([...(await signed()), ['x-ignore-note', 'anything']])).toBeUndefined();
  });
});
