/** Stage configuration from CDK context (`-c stage=prod`); values per stage live in cdk.json. */
import type { App } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { LimitVariable } from '../functions/contexts.ts';
import { DEFAULT_LIMITS } from '../functions/registrations/limits.ts';
import { INVITATIONS_PER_HOUR } from '../functions/sponsors/limits.ts';

export type StageConfig = {
  stage: string;
  /** Region of the data, functions and API; the WAF for CloudFront always lives in us-east-1. */
  region: string;
  account?: string;
  logRetention: RetentionDays;
  /** API Gateway default throttling for the whole stage. */
  apiRateLimit: number;
  apiBurstLimit: number;
  /** Per-route limits for unauthenticated writes. */
  publicWriteRateLimit: number;
  publicWriteBurstLimit: number;
  /** WAF rate-based rule: requests per client IP in any 5 minutes. */
  wafRequestsPer5Minutes: number;
  /** Domain that mail is sent from (an SES identity). */
  mailFromDomain: string;
  /** Days after an event's end that attendees' personal data is kept (TTL). */
  retentionDays: number;
  /** Rate limits counted by the functions, by the environment variable that carries each. */
  limits: Record<LimitVariable, number>;
  authDomainPrefix: string;
  alarmEmail?: string;
  /** Optional custom domain: needs a certificate in us-east-1. */
  domainName?: string;
  certificateArn?: string;
};

const defaults = {
  region: 'eu-west-1',
  logRetentionDays: 30,
  apiRateLimit: 200,
  apiBurstLimit: 400,
  publicWriteRateLimit: 20,
  publicWriteBurstLimit: 40,
  wafRequestsPer5Minutes: 1000,
  mailFromDomain: 'example.org',
  retentionDays: 90,
  /** Sign-ups per minute per client address. */
  signupLimitPerClient: DEFAULT_LIMITS.perClient.limit,
  /** Sign-ups per hour per email. */
  signupLimitPerEmail: DEFAULT_LIMITS.perEmail.limit,
  /** Invitations per hour per organiser. */
  invitationsPerHour: INVITATIONS_PER_HOUR.limit,
};

type RawStage = Partial<typeof defaults> & {
  authDomainPrefix?: string;
  alarmEmail?: string;
  domainName?: string;
  certificateArn?: string;
};

const retention: Record<number, RetentionDays> = {
  7: RetentionDays.ONE_WEEK,
  14: RetentionDays.TWO_WEEKS,
  30: RetentionDays.ONE_MONTH,
  90: RetentionDays.THREE_MONTHS,
  365: RetentionDays.ONE_YEAR,
};

/** A stage setting that must be a whole number of at least 1. */
function positiveInteger(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1, not ${JSON.stringify(value)}`);
  }
  return value;
}

export function stageConfig(app: App): StageConfig {
  const stage = String(app.node.tryGetContext('stage') ?? 'dev');
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage))
    throw new Error(`Stage "${stage}" must be lower-case letters, digits or dashes`);
  const stages = (app.node.tryGetContext('stages') ?? {}) as Record<string, RawStage>;
  const raw = { ...defaults, ...stages[stage] };
  const logRetention = retention[raw.logRetentionDays];
  if (!logRetention) throw new Error(`logRetentionDays must be one of ${Object.keys(retention).join(', ')}`);
  if (Boolean(raw.domainName) !== Boolean(raw.certificateArn)) {
    throw new Error('domainName and certificateArn go together (the certificate must be in us-east-1)');
  }
  return {
    stage,
    region: raw.region,
    account: process.env.CDK_DEFAULT_ACCOUNT,
    logRetention,
    apiRateLimit: raw.apiRateLimit,
    apiBurstLimit: raw.apiBurstLimit,
    publicWriteRateLimit: raw.publicWriteRateLimit,
    publicWriteBurstLimit: raw.publicWriteBurstLimit,
    wafRequestsPer5Minutes: raw.wafRequestsPer5Minutes,
    mailFromDomain: raw.mailFromDomain,
    retentionDays: raw.retentionDays,
    limits: {
      SIGNUP_LIMIT_PER_CLIENT: positiveInteger('signupLimitPerClient', raw.signupLimitPerClient),
      SIGNUP_LIMIT_PER_EMAIL: positiveInteger('signupLimitPerEmail', raw.signupLimitPerEmail),
      INVITATIONS_PER_HOUR: positiveInteger('invitationsPerHour', raw.invitationsPerHour),
    },
    authDomainPrefix: raw.authDomainPrefix ?? `customs-itc-${stage}`,
    alarmEmail: raw.alarmEmail,
    domainName: raw.domainName,
    certificateArn: raw.certificateArn,
  };
}
