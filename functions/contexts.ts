/**
 * Which bounded context answers which API path: API Gateway routes in AWS and the local
 * twin's dispatcher are both built from this list, so both send a request to the same app.
 * Paths use API Gateway's syntax (`{name}` one segment, `{proxy+}` a greedy tail); the most
 * specific match wins, as in API Gateway.
 */
export type ContextName = 'events' | 'registrations' | 'identity' | 'sponsors' | 'agenda' | 'docs';

/**
 * Table access by partition-key prefix, enforced by IAM (`dynamodb:LeadingKeys`): the item's
 * partition key for table actions, the index's partition key for a Query on an index. A
 * prefix `P` is granted as the glob `P*`, so each prefix must begin the keys of one kind only
 * (the key builders in functions/<context>/keys.ts keep them apart; test/infra/key-grants.test.ts
 * checks every kind of key against these grants).
 */
export type TableGrant = {
  /** GetItem, BatchGetItem and Query: items of other contexts and index-only keys. */
  read?: string[];
  /** Also PutItem, UpdateItem, DeleteItem, BatchWriteItem and ConditionCheckItem, on the table. */
  readWrite?: string[];
};

/** Limits a context reads from its environment at cold start; CDK sets each from the stage settings. */
export type LimitVariable = 'SIGNUP_LIMIT_PER_CLIENT' | 'SIGNUP_LIMIT_PER_EMAIL' | 'INVITATIONS_PER_HOUR';

export type ContextDefinition = {
  name: ContextName;
  /** Lambda entry, relative to the project root. */
  entry: string;
  paths: string[];
  /** What the context may do in the table, by partition-key prefix (see TableGrant). */
  table?: TableGrant;
  /** Unauthenticated write routes ("POST /path"), throttled harder at the gateway. */
  publicWrites?: string[];
  /** Verifies bearer tokens (gets the OIDC settings). */
  authenticates?: boolean;
  /** Creates accounts in the user pool (invitations). */
  managesUsers?: boolean;
  /** Holds attendees' personal data, kept a configured number of days after the event. */
  holdsPersonalData?: boolean;
  /** Signs logo uploads and checks them (the logos bucket, media/logos/ prefix). */
  logos?: boolean;
  /** The limits it counts, as the environment variables it reads. */
  limits?: LimitVariable[];
};

export const contexts: ContextDefinition[] = [
  {
    name: 'events',
    entry: 'functions/events/handler.ts',
    paths: ['/api/health', '/api/events', '/api/events/{proxy+}'],
    // The event items and the published list; categories, read through registrations/public.ts.
    table: { read: ['EVENT#', 'EVENTS#', 'CATEGORIES#'] },
  },
  {
    name: 'registrations',
    entry: 'functions/registrations/handler.ts',
    paths: [
      '/api/events/{eventId}/categories',
      '/api/events/{eventId}/categories/{proxy+}',
      '/api/events/{eventId}/check-in',
      '/api/events/{eventId}/check-in/{proxy+}',
      '/api/events/{eventId}/payments/{proxy+}',
      '/api/events/{eventId}/registrations',
      '/api/events/{eventId}/registrations.csv',
      '/api/events/{eventId}/registrations/{proxy+}',
      '/api/registrations/{proxy+}',
    ],
    table: {
      // The event item (events/public.ts); its index keys: an event's registrations, waiting
      // lists, a registration's unsent mail, payments due by date; an attendee's leads at
      // sponsors (sponsors/public.ts), removed when consent is withdrawn. Booth staff's entry
      // and pass at their sponsor (STAFF#), released when their registration ends.
      read: ['EVENT#', 'REGS#', 'WAIT#', 'OUTBOXREG#', 'PAYDUE', 'LEADSOF#'],
      readWrite: [
        'CATEGORIES#',
        'REG#',
        'EMAIL#',
        'IDEM#',
        'CHECKIN#',
        'HOLDS',
        'OUTBOX#',
        'RATE#',
        'PAYREF#',
        'INVOICESEQ#',
        'SITEBUILD#',
        'LEAD#',
        'STAFF#',
      ],
    },
    publicWrites: ['POST /api/events/{eventId}/registrations', 'POST /api/events/{eventId}/registrations/resend-link'],
    authenticates: true,
    holdsPersonalData: true,
    limits: ['SIGNUP_LIMIT_PER_CLIENT', 'SIGNUP_LIMIT_PER_EMAIL'],
  },
  {
    name: 'identity',
    entry: 'functions/identity/handler.ts',
    paths: ['/api/me'],
    // A person's memberships, read through sponsors/membership.ts.
    table: { read: ['MEMBER#'] },
    authenticates: true,
  },
  {
    name: 'sponsors',
    entry: 'functions/sponsors/handler.ts',
    paths: [
      '/api/sponsors/{proxy+}',
      '/api/events/{eventId}/sponsors',
      '/api/events/{eventId}/sponsors/{proxy+}',
      '/api/events/{eventId}/sponsor-tiers',
    ],
    // Index keys (an event's sponsors, a person's memberships, a sponsor's and an attendee's
    // leads) are read; items are written. Booth staff are registrations written through
    // registrations/public.ts (REG#, EMAIL#, CHECKIN#, the category's counter), and lead
    // capture reads the attendee by check-in code: the event item too.
    table: {
      read: ['SPONSORS#', 'MEMBER#', 'LEADS#', 'LEADSOF#', 'EVENT#'],
      readWrite: [
        'SPONSOR#',
        'STAFF#',
        'TIERS#',
        'LEAD#',
        'OUTBOX#',
        'RATE#',
        'SITEBUILD#',
        'REG#',
        'EMAIL#',
        'CHECKIN#',
        'CATEGORIES#',
      ],
    },
    // The logos bucket (LOGOS_BUCKET): presigned uploads and HEAD under media/logos/.
    logos: true,
    // Booth staff (registrations) and leads: kept RETENTION_DAYS after the event.
    holdsPersonalData: true,
    authenticates: true,
    managesUsers: true,
    limits: ['INVITATIONS_PER_HOUR'],
  },
  {
    name: 'agenda',
    entry: 'functions/agenda/handler.ts',
    paths: [
      '/api/events/{eventId}/agenda',
      '/api/events/{eventId}/agenda.ics',
      '/api/events/{eventId}/agenda/{proxy+}',
      '/api/events/{eventId}/schedule.xml',
      '/api/events/{eventId}/schedule.json',
      '/api/events/{eventId}/rooms',
      '/api/events/{eventId}/rooms/{proxy+}',
      '/api/events/{eventId}/tracks',
      '/api/events/{eventId}/tracks/{proxy+}',
      '/api/events/{eventId}/speakers',
      '/api/events/{eventId}/speakers/{proxy+}',
      '/api/events/{eventId}/sessions',
      '/api/events/{eventId}/sessions/{proxy+}',
    ],
    // The event item (events/public.ts); the draft and its published versions; the
    // site-rebuild request a publish writes.
    table: { read: ['EVENT#'], readWrite: ['AGENDA#', 'AGENDAV#', 'SITEBUILD#'] },
    authenticates: true,
  },
  {
    name: 'docs',
    entry: 'functions/docs/handler.ts',
    // The catch-all gives unknown /api paths the same problem+json 404 in AWS as locally.
    paths: ['/api/openapi.json', '/api/reference', '/api/{proxy+}'],
  },
];

/** How specific a path pattern's match is, or -1 when it does not match. */
export function matchScore(pattern: string, path: string): number {
  const want = pattern.split('/').slice(1);
  const got = path.split('/').slice(1);
  let score = 0;
  for (const [i, segment] of want.entries()) {
    if (segment === '{proxy+}') {
      return i === want.length - 1 && got.length > i && got.slice(i).every((s) => s !== '') ? score : -1;
    }
    const actual = got[i];
    if (actual === undefined || actual === '') return -1;
    if (segment.startsWith('{') && segment.endsWith('}')) score += 1;
    else if (segment === actual) score += 100;
    else return -1;
  }
  // A pattern without a greedy tail must match the whole path, and beats any greedy one.
  return got.length === want.length ? score + 1_000_000 : -1;
}

/** The context for a request path, choosing the most specific pattern. */
export function contextForPath(path: string, list: ContextDefinition[] = contexts): ContextName | undefined {
  let best: { name: ContextName; score: number } | undefined;
  for (const context of list) {
    for (const pattern of context.paths) {
      const score = matchScore(pattern, path);
      if (score >= 0 && (!best || score > best.score)) best = { name: context.name, score };
    }
  }
  return best?.name;
}
