/**
 * The keys the code builds against the IAM grants the stack synthesizes: for each kind of
 * item and index key, which function may read it and which may write it. Requests are judged
 * the way IAM judges them: Action and Resource globs, and `dynamodb:LeadingKeys` under
 * `ForAllValues:StringLike` (`*` any run of characters, `?` one character), which is the
 * item's partition key for table actions and the index's partition key for a Query on an index.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkKey, entityKey, versionKey } from '../../functions/agenda/keys.ts';
import { rateWindowKey } from '../../functions/core/rate-limit.ts';
import { siteRebuildKey } from '../../functions/core/site-rebuild.ts';
import { eventKey, PUBLISHED_EVENTS_PK } from '../../functions/events/keys.ts';
import { outboxKey } from '../../functions/mail/outbox.ts';
import {
  categoryKey,
  checkInCodeKey,
  emailLockKey,
  eventRegistrationsPk,
  holdKey,
  idemKey,
  invoiceSeqKey,
  outboxOfRegistrationPk,
  PAYMENTS_DUE_PK,
  paymentRefKey,
  regKey,
  sensitiveKey,
  waitingListPk,
} from '../../functions/registrations/keys.ts';
import {
  attendeeLeadsPk,
  eventSponsorsPk,
  leadKey,
  memberKey,
  membershipsPk,
  passesKey,
  sponsorKey,
  sponsorLeadsPk,
  staffKey,
  tiersKey,
} from '../../functions/sponsors/keys.ts';
import { buildApp } from '../../infra/app.ts';

type Fn =
  | 'events'
  | 'registrations'
  | 'identity'
  | 'sponsors'
  | 'agenda'
  | 'docs'
  | 'mail'
  | 'preToken'
  | 'siteRebuild';
const functionsByDescription: Record<string, Fn> = {
  'The events context': 'events',
  'The registrations context': 'registrations',
  'The identity context': 'identity',
  'The sponsors context': 'sponsors',
  'The agenda context': 'agenda',
  'The docs context': 'docs',
  'Sends outbox mail from the table stream': 'mail',
  'Adds the email to Cognito access tokens': 'preToken',
  'Starts the site build for site-rebuild requests from the table stream': 'siteRebuild',
};
const allFunctions = Object.values(functionsByDescription);

type Where = 'table' | 'GSI1' | 'GSI2';
type Sample = { what: string; where: Where; pk: string; readers: Fn[]; writers: Fn[] };

/** One key of every kind, from the key builders, and who may touch it. Index keys are never written. */
const samples: Sample[] = [
  {
    what: 'event',
    where: 'table',
    pk: eventKey('e1').PK,
    readers: ['events', 'registrations', 'sponsors', 'agenda'],
    writers: [],
  },
  { what: 'published events', where: 'GSI1', pk: PUBLISHED_EVENTS_PK, readers: ['events'], writers: [] },
  {
    what: 'category and seat counters',
    where: 'table',
    pk: categoryKey('e1', 'c1').PK,
    // Sponsors register booth staff in the exhibitor-staff category (registrations/public.ts).
    readers: ['events', 'registrations', 'sponsors'],
    writers: ['registrations', 'sponsors'],
  },
  {
    what: 'registration',
    where: 'table',
    pk: regKey('r1').PK,
    readers: ['registrations', 'sponsors'],
    writers: ['registrations', 'sponsors'],
  },
  {
    what: 'dietary and accessibility needs',
    where: 'table',
    pk: sensitiveKey('r1').PK,
    readers: ['registrations', 'sponsors'],
    writers: ['registrations', 'sponsors'],
  },
  {
    what: "an event's registrations",
    where: 'GSI1',
    pk: eventRegistrationsPk('e1'),
    readers: ['registrations'],
    writers: [],
  },
  { what: 'waiting list', where: 'GSI2', pk: waitingListPk('e1', 'c1'), readers: ['registrations'], writers: [] },
  {
    what: 'email lock',
    where: 'table',
    pk: emailLockKey('e1', 'ana@example.org').PK,
    readers: ['registrations', 'sponsors'],
    writers: ['registrations', 'sponsors'],
  },
  {
    what: 'check-in code',
    where: 'table',
    pk: checkInCodeKey('e1', 'ABCD2345').PK,
    readers: ['registrations', 'sponsors'],
    writers: ['registrations', 'sponsors'],
  },
  {
    what: 'hold of an unverified registration',
    where: 'table',
    pk: holdKey({ id: 'r1', heldUntil: '2027-01-11T10:00:00.000Z' }).PK,
    readers: ['registrations'],
    writers: ['registrations'],
  },
  {
    what: 'first response of an Idempotency-Key',
    where: 'table',
    pk: idemKey('e1', 'k1').PK,
    readers: ['registrations'],
    writers: ['registrations'],
  },
  {
    what: 'outbox mail',
    where: 'table',
    pk: outboxKey('m1').PK,
    readers: ['registrations', 'sponsors', 'mail'],
    writers: ['registrations', 'sponsors', 'mail'],
  },
  {
    what: "a registration's unsent mail",
    where: 'GSI1',
    pk: outboxOfRegistrationPk('r1'),
    readers: ['registrations'],
    writers: [],
  },
  {
    what: 'sign-up rate window',
    where: 'table',
    pk: rateWindowKey('register-client', '203.0.113.7', 1).PK,
    readers: ['registrations', 'sponsors'],
    writers: ['registrations', 'sponsors'],
  },
  {
    what: 'invitation rate window',
    where: 'table',
    pk: rateWindowKey('invite', 'organiser-sub', 1).PK,
    readers: ['registrations', 'sponsors'],
    writers: ['registrations', 'sponsors'],
  },
  { what: 'sponsor profile', where: 'table', pk: sponsorKey('s1').PK, readers: ['sponsors'], writers: ['sponsors'] },
  {
    // Released by the registrations context when booth staff's registration ends (sponsors/public.ts).
    what: 'a member of the booth staff',
    where: 'table',
    pk: staffKey('s1', 'r1').PK,
    readers: ['registrations', 'sponsors'],
    writers: ['registrations', 'sponsors'],
  },
  {
    what: 'staff pass counter',
    where: 'table',
    pk: passesKey('s1').PK,
    readers: ['registrations', 'sponsors'],
    writers: ['registrations', 'sponsors'],
  },
  {
    what: 'sponsor member',
    where: 'table',
    pk: memberKey('s1', 'sub-1').PK,
    readers: ['sponsors'],
    writers: ['sponsors'],
  },
  {
    what: 'payment reference',
    where: 'table',
    pk: paymentRefKey('e1', 'RF20AAAA00000001').PK,
    readers: ['registrations'],
    writers: ['registrations'],
  },
  {
    what: 'invoice number sequence',
    where: 'table',
    pk: invoiceSeqKey('e1').PK,
    readers: ['registrations'],
    writers: ['registrations'],
  },
  { what: 'payments due by date', where: 'GSI2', pk: PAYMENTS_DUE_PK, readers: ['registrations'], writers: [] },
  {
    // Written by categories (registrations), sponsor changes and agenda publishes; deleted by the
    // AWS starter once its build has started (DeleteItem only).
    what: 'site-rebuild request',
    where: 'table',
    pk: siteRebuildKey('b1').PK,
    readers: ['registrations', 'sponsors', 'agenda'],
    writers: ['registrations', 'sponsors', 'agenda', 'siteRebuild'],
  },
  { what: "an event's sponsors", where: 'GSI1', pk: eventSponsorsPk('e1'), readers: ['sponsors'], writers: [] },
  {
    what: "an event's sponsor tiers",
    where: 'table',
    pk: tiersKey('e1').PK,
    readers: ['sponsors'],
    writers: ['sponsors'],
  },
  {
    what: 'a lead',
    where: 'table',
    pk: leadKey('s1', 'l1').PK,
    // Registrations erase an attendee's leads when consent is withdrawn (sponsors/public.ts).
    readers: ['registrations', 'sponsors'],
    writers: ['registrations', 'sponsors'],
  },
  { what: "a sponsor's leads", where: 'GSI1', pk: sponsorLeadsPk('s1'), readers: ['sponsors'], writers: [] },
  {
    what: "an attendee's leads",
    where: 'GSI2',
    pk: attendeeLeadsPk('r1'),
    readers: ['registrations', 'sponsors'],
    writers: [],
  },
  {
    what: "a person's memberships",
    where: 'GSI1',
    pk: membershipsPk('sub-1'),
    readers: ['identity', 'sponsors'],
    writers: [],
  },
  ...(['room', 'track', 'speaker', 'session'] as const).map(
    (kind): Sample => ({
      what: `draft agenda ${kind}`,
      where: 'table',
      pk: entityKey(kind, 'e1', 'x1').PK,
      readers: ['agenda'],
      writers: ['agenda'],
    }),
  ),
  {
    what: 'published agenda version',
    where: 'table',
    pk: versionKey('e1', 1).PK,
    readers: ['agenda'],
    writers: ['agenda'],
  },
  {
    what: 'published agenda chunk',
    where: 'table',
    pk: chunkKey('e1', 1, 0).PK,
    readers: ['agenda'],
    writers: ['agenda'],
  },
];

const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const indexReadActions = ['dynamodb:Query'];
const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

// ---- a small evaluator of identity policies, for the statements these roles hold -------------------------

type Statement = {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
  NotAction?: unknown;
  NotResource?: unknown;
  NotPrincipal?: unknown;
};

/** IAM's StringLike: `*` any run of characters (also none), `?` exactly one, the rest literal. */
function stringLike(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\*?]/g, (c) => (c === '*' ? '.*' : c === '?' ? '.' : `\\${c}`));
  return new RegExp(`^${source}$`, ignoreCase ? 'si' : 's').test(value);
}

const list = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat());

const ACCOUNT = '111111111111';
const TABLE = 'TheTable';
const tableArn = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/${TABLE}`;
const arnOf = (where: Where) => (where === 'table' ? tableArn : `${tableArn}/index/${where}`);

/** A resource of a statement as an ARN pattern, with the data stack's exports and pseudo parameters filled in. */
function resolve(value: unknown, exports: Record<string, string>): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, unknown>;
  if ('Fn::ImportValue' in node) {
    const name = node['Fn::ImportValue'] as string;
    const resolved = exports[name];
    if (resolved === undefined) throw new Error(`Unknown export ${name}`);
    return resolved;
  }
  if ('Fn::Join' in node) {
    const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => resolve(p, exports)).join(separator);
  }
  if ('Ref' in node) {
    const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::AccountId': ACCOUNT };
    return pseudo[node.Ref as string] ?? `ref:${String(node.Ref)}`;
  }
  if ('Fn::GetAtt' in node) return `getatt:${(node['Fn::GetAtt'] as string[]).join('.')}`;
  throw new Error(`Cannot resolve ${JSON.stringify(value)}`);
}

type Request = { action: string; resource: string; leadingKey: string };

function matches(statement: Statement, request: Request, exports: Record<string, string>): boolean {
  if (statement.NotAction || statement.NotResource || statement.NotPrincipal) {
    throw new Error(`Statement not modelled: ${JSON.stringify(statement)}`);
  }
  const actions = list(statement.Action);
  if (!actions.some((a) => stringLike(a, request.action, true))) return false;
  const resources = [statement.Resource].flat().map((r) => resolve(r, exports));
  if (!resources.some((r) => stringLike(r, request.resource))) return false;
  for (const [operator, entries] of Object.entries(statement.Condition ?? {})) {
    for (const [key, patterns] of Object.entries(entries)) {
      if (operator !== 'ForAllValues:StringLike' || key !== 'dynamodb:LeadingKeys') {
        throw new Error(`Condition not modelled: ${operator} ${key}`);
      }
      // One key per request here, so "for all values" is "this value matches some pattern".
      if (!list(patterns).some((p) => stringLike(p, request.leadingKey))) return false;
    }
  }
  return true;
}

function allowed(statements: Statement[], request: Request, exports: Record<string, string>): boolean {
  const hits = statements.filter((s) => matches(s, request, exports));
  return hits.some((s) => s.Effect === 'Allow') && !hits.some((s) => s.Effect === 'Deny');
}

// ---- the synthesized roles -------------------------------------------------------------------------------

type Resource = { Type: string; Properties: Record<string, unknown> };

describe('IAM grants against the keys the code builds', () => {
  let statementsOf: Record<Fn, Statement[]>;
  let exports: Record<string, string>;

  beforeAll(() => {
    // No bundling: only the policies are read here (stacks.test.ts synthesizes the bundles).
    const app = new App({ context: { stage: 'test', 'aws:cdk:bundling-stacks': [] } });
    const built = buildApp(app);
    const data = Template.fromStack(built.stateful).toJSON() as {
      Resources: Record<string, Resource>;
      Outputs: Record<string, { Value: unknown; Export?: { Name: string } }>;
    };
    const [tableId] = Object.entries(data.Resources).find(([, r]) => r.Type === 'AWS::DynamoDB::GlobalTable') ?? [];
    exports = {};
    for (const output of Object.values(data.Outputs ?? {})) {
      if (!output.Export) continue;
      const value = JSON.stringify(output.Value);
      if (value === JSON.stringify({ 'Fn::GetAtt': [tableId, 'Arn'] })) exports[output.Export.Name] = tableArn;
      else if (value === JSON.stringify({ Ref: tableId })) exports[output.Export.Name] = TABLE;
      else if (value === JSON.stringify({ 'Fn::GetAtt': [tableId, 'StreamArn'] })) {
        exports[output.Export.Name] = `${tableArn}/stream/2027-01-01T00:00:00.000`;
      } else exports[output.Export.Name] = `export:${output.Export.Name}`;
    }

    const resources = Object.entries(
      (Template.fromStack(built.stateless).toJSON() as { Resources: Record<string, Resource> }).Resources,
    );
    statementsOf = {} as Record<Fn, Statement[]>;
    for (const [, fn] of resources.filter(([, r]) => r.Type === 'AWS::Lambda::Function')) {
      const name = functionsByDescription[fn.Properties.Description as string];
      if (!name) continue;
      const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const role = resources.find(([id]) => id === roleId)?.[1];
      expect(role?.Properties.ManagedPolicyArns, `${name} has managed policies`).toBeUndefined();
      const inline = (role?.Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[];
      const attached = resources
        .filter(([, r]) => r.Type === 'AWS::IAM::Policy')
        .filter(([, r]) => JSON.stringify(r.Properties.Roles).includes(JSON.stringify({ Ref: roleId })))
        .map(([, r]) => r.Properties as { PolicyDocument: { Statement: Statement[] } });
      statementsOf[name] = [...inline, ...attached].flatMap((p) => p.PolicyDocument.Statement);
    }
    expect(Object.keys(statementsOf).sort()).toEqual([...allFunctions].sort());
  }, 120_000);

  const who = (sample: Sample, actions: string[], where: Where) =>
    allFunctions.filter((fn) =>
      actions.some((action) =>
        allowed(statementsOf[fn], { action, resource: arnOf(where), leadingKey: sample.pk }, exports),
      ),
    );

  it('judges LeadingKeys the way StringLike does', () => {
    expect(stringLike('EVENT#*', 'EVENT#e1')).toBe(true);
    expect(stringLike('EVENT#*', 'EVENT#e1#REGS')).toBe(true);
    expect(stringLike('EVENT#*', 'EVENTS#published')).toBe(false);
    expect(stringLike('REG#*', 'REGS#e1')).toBe(false);
    expect(stringLike('RATE#?#*', 'RATE#a#b')).toBe(true);
    expect(stringLike('A.B*', 'AxB')).toBe(false);
    expect(stringLike('dynamodb:Get*', 'dynamodb:getitem', true)).toBe(true);
  });

  it.each(samples)('$what ($pk, $where): read by $readers, written by $writers', (sample) => {
    const readers = who(sample, sample.where === 'table' ? readActions : indexReadActions, sample.where);
    const writers = who(sample, writeActions, 'table');
    expect({ readers, writers }).toEqual({ readers: sample.readers, writers: sample.writers });
  });

  it('grants no partition-key prefix that no key of the function needs', () => {
    const unused = allFunctions.flatMap((fn) =>
      statementsOf[fn]
        .flatMap((s) => list(s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']))
        .filter(
          (pattern) =>
            !samples.some((s) => (s.readers.includes(fn) || s.writers.includes(fn)) && stringLike(pattern, s.pk)),
        )
        .map((pattern) => `${fn} ${pattern}`),
    );
    expect(unused).toEqual([]);
  });

  it('lets no function touch the table without a LeadingKeys condition', () => {
    const open = allFunctions.filter((fn) =>
      [...readActions, ...writeActions].some((action) =>
        (['table', 'GSI1', 'GSI2'] as const).some((where) =>
          allowed(statementsOf[fn], { action, resource: arnOf(where), leadingKey: 'NO-SUCH-PREFIX#x' }, exports),
        ),
      ),
    );
    expect(open).toEqual([]);
  });
});
