/**
 * What S3 checks of a browser-based POST upload and s3rver does not: that the policy was
 * signed with the bucket's credentials (Signature Version 4), that it has not expired, and
 * that the form's fields and file keep to its conditions. Without this, any web page could
 * post a file of any type to the local twin's bucket (a form POST needs no preflight).
 */
import { createHmac } from 'node:crypto';

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** The policy's SigV4 signature: HMAC chain over the credential scope, then over the base64 policy. */
function signature(policy: string, secret: string, credential: string): string | undefined {
  const [, date, region, service, terminal] = credential.split('/');
  if (!date || !region || service !== 's3' || terminal !== 'aws4_request') return undefined;
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), terminal);
  return createHmac('sha256', key).update(policy).digest('hex');
}

type Condition = Record<string, string> | [string, string | number, string | number];

/** Fields no condition needs to name (S3's rule for browser-based uploads). */
const UNCONDITIONED = new Set(['policy', 'x-amz-signature', 'file']);

/**
 * Why S3 would refuse this upload, or undefined when it would take it. `form` is the form's
 * fields in order up to the first file (what S3 and s3rver read; later fields are ignored)
 * and `fileSize` that file's size. Field names count case-insensitively, each once.
 */
export function postPolicyProblem(
  form: [string, string][],
  fileSize: number,
  options: { secret: string; bucket: string; now: Date },
): string | undefined {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) {
    const lower = name.toLowerCase();
    if (lower in fields) return `InvalidArgument: the field ${name} is repeated`;
    fields[lower] = value;
  }
  const { policy, 'x-amz-signature': given, 'x-amz-credential': credential } = fields;
  if (!policy || !given || !credential) return 'AccessDenied: the form carries no signed policy';
  if (signature(policy, options.secret, credential) !== given) return 'SignatureDoesNotMatch';
  let parsed: { expiration?: string; conditions?: Condition[] };
  try {
    parsed = JSON.parse(Buffer.from(policy, 'base64').toString('utf8'));
  } catch {
    return 'InvalidPolicyDocument';
  }
  if (!parsed.expiration || Date.parse(parsed.expiration) <= options.now.getTime())
    return 'AccessDenied: the policy expired';
  const named = new Set<string>();
  const field = (name: string) => {
    const lower = name.replace(/^\$/, '').toLowerCase();
    named.add(lower);
    return lower === 'bucket' ? options.bucket : fields[lower];
  };
  for (const condition of parsed.conditions ?? []) {
    if (!Array.isArray(condition)) {
      for (const [name, value] of Object.entries(condition)) {
        if (field(name) !== value) return `AccessDenied: ${name} does not match the policy`;
      }
      continue;
    }
    const [op, name, value] = condition;
    if (op === 'content-length-range') {
      if (fileSize < Number(name)) return 'EntityTooSmall';
      if (fileSize > Number(value)) return 'EntityTooLarge';
      continue;
    }
    const actual = field(String(name));
    const holds = op === 'eq' ? actual === value : op === 'starts-with' && actual?.startsWith(String(value));
    if (!holds) return `AccessDenied: ${name} does not match the policy`;
  }
  const extra = Object.keys(fields).find(
    (name) => !named.has(name) && !UNCONDITIONED.has(name) && !name.startsWith('x-ignore-'),
  );
  return extra ? `AccessDenied: the policy has no condition for the field ${extra}` : undefined;
}
