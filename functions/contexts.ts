/**
 * Which bounded context answers which API path: API Gateway routes in AWS and the local
 * twin's dispatcher are both built from this list, so both send a request to the same app.
 * Paths use API Gateway's syntax (`{name}` one segment, `{proxy+}` a greedy tail); the most
 * specific match wins, as in API Gateway.
 */
export type ContextName = 'events' | 'registrations' | 'identity' | 'sponsors' | 'docs';

/** Limits a context reads from its environment at cold start; CDK sets each from the stage settings. */
export type LimitVariable = 'SIGNUP_LIMIT_PER_CLIENT' | 'SIGNUP_LIMIT_PER_EMAIL' | 'INVITATIONS_PER_HOUR';

export type ContextDefinition = {
  name: ContextName;
  /** Lambda entry, relative to the project root. */
  entry: string;
  paths: string[];
  /** Table access, limited to items whose partition key starts with one of the prefixes. */
  table?: { access: 'read' | 'readWrite'; keyPrefixes: string[] };
  /** Unauthenticated write routes ("POST /path"), throttled harder at the gateway. */
  publicWrites?: string[];
  /** Verifies bearer tokens (gets the OIDC settings). */
  authenticates?: boolean;
  /** Creates accounts in the user pool (invitations). */
  managesUsers?: boolean;
  /** Holds attendees' personal data, kept a configured number of days after the event. */
  holdsPersonalData?: boolean;
  /** The limits it counts, as the environment variables it reads. */
  limits?: LimitVariable[];
};

export const contexts: ContextDefinition[] = [
  {
    name: 'events',
    entry: 'functions/events/handler.ts',
    paths: ['/api/health', '/api/events', '/api/events/{proxy+}'],
    table: { access: 'read', keyPrefixes: ['EVENT#', 'EVENTS#'] },
  },
  {
    name: 'registrations',
    entry: 'functions/registrations/handler.ts',
    paths: [
      '/api/events/{eventId}/categories',
      '/api/events/{eventId}/categories/{proxy+}',
      '/api/events/{eventId}/registrations',
      '/api/events/{eventId}/registrations.csv',
      '/api/events/{eventId}/registrations/{proxy+}',
      '/api/registrations/{proxy+}',
    ],
    table: {
      access: 'readWrite',
      keyPrefixes: ['REG#', 'EMAIL#', 'IDEM#', 'EVENT#', 'WAIT#', 'OUTBOX#', 'OUTBOXREG#', 'RATE#'],
    },
    publicWrites: ['POST /api/events/{eventId}/registrations'],
    authenticates: true,
    holdsPersonalData: true,
    limits: ['SIGNUP_LIMIT_PER_CLIENT', 'SIGNUP_LIMIT_PER_EMAIL'],
  },
  {
    name: 'identity',
    entry: 'functions/identity/handler.ts',
    paths: ['/api/me'],
    table: { access: 'read', keyPrefixes: ['MEMBER#'] },
    authenticates: true,
  },
  {
    name: 'sponsors',
    entry: 'functions/sponsors/handler.ts',
    paths: ['/api/sponsors/{proxy+}', '/api/events/{eventId}/sponsors'],
    table: { access: 'readWrite', keyPrefixes: ['SPONSOR#', 'MEMBER#', 'EVENT#', 'OUTBOX#', 'RATE#'] },
    authenticates: true,
    managesUsers: true,
    limits: ['INVITATIONS_PER_HOUR'],
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
