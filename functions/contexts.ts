/**
 * Which bounded context answers which API path: API Gateway routes in AWS and the local
 * twin's dispatcher are both built from this list, so both send a request to the same app.
 * Route keys use API Gateway's syntax; the most specific match wins, as in API Gateway.
 */
export type ContextName = 'events' | 'docs';

export type ContextDefinition = {
  name: ContextName;
  /** Lambda entry, relative to the project root. */
  entry: string;
  /** Paths this context owns (`{proxy+}` is a greedy tail). */
  paths: string[];
  /** Whether the function reads or writes the table. */
  usesTable: boolean;
};

export const contexts: ContextDefinition[] = [
  {
    name: 'events',
    entry: 'functions/events/handler.ts',
    paths: ['/api/health', '/api/events', '/api/events/{proxy+}'],
    usesTable: true,
  },
  {
    name: 'docs',
    entry: 'functions/docs/handler.ts',
    // The catch-all gives unknown /api paths the same problem+json 404 in AWS as locally.
    paths: ['/api/openapi.json', '/api/reference', '/api/{proxy+}'],
    usesTable: false,
  },
];

/** The context for a request path, choosing exact paths over the longest greedy prefix. */
export function contextForPath(path: string): ContextName | undefined {
  let best: { name: ContextName; score: number } | undefined;
  for (const context of contexts) {
    for (const pattern of context.paths) {
      let score = -1;
      if (pattern.endsWith('/{proxy+}')) {
        const prefix = pattern.slice(0, -'{proxy+}'.length);
        if (path.startsWith(prefix) && path.length > prefix.length) score = prefix.length;
      } else if (path === pattern) {
        score = Number.MAX_SAFE_INTEGER;
      }
      if (score >= 0 && (!best || score > best.score)) best = { name: context.name, score };
    }
  }
  return best?.name;
}
