/**
 * Route contracts at run time without the OpenAPI generator. A context's `routes.ts` declares
 * each route with `createRoute` (method, path, middleware, zod schemas of the request and the
 * responses); its app registers it with `app.openapi(route, handler)`, which runs the route's
 * middleware, then validates query, path, headers, cookies and body with zod's `safeParseAsync`
 * and gives failures to the app's hook (problem+json, `core/app.ts`), then the handler.
 *
 * This is what `@hono/zod-openapi`'s `OpenAPIHono.openapi` does, step for step, minus the
 * registry: importing that package at run time brings the generator and every zod locale
 * (about 300 KB minified per Lambda, with a cold-start cost to match). Only the docs context
 * (`functions/docs/openapi.ts`) imports it, to generate the document from the same contracts.
 * The types are `@hono/zod-openapi`'s, so handlers stay typed by their contract.
 */
import type { createRoute as createRouteType, Hook, OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import { type Context, type Env, Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';

type Target = 'query' | 'param' | 'header' | 'cookie' | 'json' | 'form';
type SafeParse = { success: boolean; data?: unknown; error?: unknown };
type Schema = {
  safeParseAsync(value: unknown): Promise<SafeParse>;
  shape?: Record<string, unknown>;
  in?: { shape: Record<string, unknown> };
  _zod?: unknown;
};
// biome-ignore lint/suspicious/noExplicitAny: the hook's result and context are typed per route by its caller.
type AnyHook = (result: any, c: Context) => unknown;

/** A route contract, as `@hono/zod-openapi`'s `createRoute` makes it (with `getRoutingPath`). */
export const createRoute = ((routeConfig: RouteConfig) => {
  const route = {
    ...routeConfig,
    getRoutingPath() {
      return routeConfig.path.replaceAll(/\/{(.+?)}/g, '/:$1');
    },
  };
  return Object.defineProperty(route, 'getRoutingPath', { enumerable: false });
}) as typeof createRouteType;

const isSchema = (x: unknown): x is Schema =>
  typeof x === 'object' &&
  x !== null &&
  ['parse', 'safeParse', 'parseAsync', 'safeParseAsync'].every(
    (m) => typeof (x as Record<string, unknown>)[m] === 'function',
  );

/** `@hono/zod-validator`'s `zValidator`: header names matched case-insensitively, the hook sees every result. */
function zodValidator(target: Target, schema: Schema, hook: AnyHook): MiddlewareHandler {
  const headerKeys =
    target === 'header' && ('_def' in schema || '_zod' in schema)
      ? Object.fromEntries(
          Object.keys(schema.in ? schema.in.shape : (schema.shape ?? {})).map((k) => [k.toLowerCase(), k]),
        )
      : undefined;
  return validator(target, async (value, c) => {
    const data = headerKeys
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [headerKeys[k] || k, v]))
      : value;
    const result = await schema.safeParseAsync(data);
    const hookResult = (await hook({ data, ...result, target }, c)) as Response | { response: Response } | undefined;
    if (hookResult) {
      if (hookResult instanceof Response) return hookResult;
      if ('response' in hookResult) return hookResult.response;
    }
    if (!result.success) return c.json(result, 400);
    return result.data as never;
  });
}

const isJsonType = (type: string) => /^application\/([a-z-.]+\+)?json/i.test(type);
const isFormType = (type: string) => {
  const lower = type.toLowerCase();
  return lower.startsWith('multipart/form-data') || lower.startsWith('application/x-www-form-urlencoded');
};
const jsonRequest = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;
const multipartRequest = /^multipart\/form-data(;\s?boundary=[a-zA-Z0-9'"()+_,\-./:=?]+)?$/i;
const urlencodedRequest = /^application\/x-www-form-urlencoded(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

function matchesMediaType(contentType: string, mediaType: string): boolean {
  if (mediaType === '*/*') return true;
  if (isJsonType(mediaType)) return jsonRequest.test(contentType);
  if (isFormType(mediaType)) return multipartRequest.test(contentType) || urlencodedRequest.test(contentType);
  const essence = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (mediaType.endsWith('/*')) return essence.startsWith(mediaType.slice(0, -1).toLowerCase());
  return essence === mediaType.toLowerCase();
}

async function hasRequestBody(c: Context): Promise<boolean> {
  const raw = c.req.raw;
  if (raw.body === null) return false;
  if (raw.bodyUsed) return (await c.req.arrayBuffer()).byteLength > 0;
  const body = raw.clone().body;
  if (body === null) return false;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** The validators of a route's request, in `@hono/zod-openapi`'s order. */
function requestValidators(route: RouteConfig, hook: AnyHook): MiddlewareHandler[] {
  const validators: MiddlewareHandler[] = [];
  const request = route.request;
  const parts: [Target, unknown][] = [
    ['query', request?.query],
    ['param', request?.params],
    ['header', request?.headers],
    ['cookie', request?.cookies],
  ];
  for (const [target, schema] of parts) if (schema) validators.push(zodValidator(target, schema as Schema, hook));
  const content = request?.body?.content as Record<string, { schema?: unknown } | undefined> | undefined;
  if (!content) return validators;
  const declared = Object.keys(content);
  if (declared.some((type) => isSchema(content[type]?.schema) && (isJsonType(type) || isFormType(type)))) {
    validators.push(async (c, next) => {
      const contentType = c.req.header('content-type');
      if (contentType) {
        if (!declared.some((type) => matchesMediaType(contentType, type))) {
          throw new HTTPException(415, { message: 'Unsupported Media Type' });
        }
      } else if (await hasRequestBody(c)) throw new HTTPException(415, { message: 'Unsupported Media Type' });
      await next();
    });
  }
  for (const type of declared) {
    const schema = content[type]?.schema;
    if (!isSchema(schema)) continue;
    for (const [target, matches] of [
      ['json', isJsonType],
      ['form', isFormType],
    ] as const) {
      if (!matches(type)) continue;
      const validate = zodValidator(target, schema, hook);
      if (request?.body?.required) validators.push(validate);
      else {
        validators.push(async (c, next) => {
          const contentType = c.req.header('content-type');
          if (contentType && matches(contentType)) return await validate(c, next);
          c.req.addValidatedData(target, {});
          await next();
        });
      }
    }
  }
  return validators;
}

/** A Hono app that registers route contracts: `app.openapi(route, handler)`, typed as `OpenAPIHono`'s. */
export class ContractApp<E extends Env = Env> extends Hono<E> {
  readonly #defaultHook: AnyHook | undefined;

  constructor(options: { defaultHook?: AnyHook } = {}) {
    super();
    this.#defaultHook = options.defaultHook;
  }

  openapi = ((
    { middleware, hide: _hide, ...route }: RouteConfig,
    handler: MiddlewareHandler,
    hook?: Hook<unknown, E, string, unknown>,
  ) => {
    const effectiveHook: AnyHook = (hook as AnyHook | undefined) ?? ((result, c) => this.#defaultHook?.(result, c));
    const own = middleware ? (Array.isArray(middleware) ? middleware : [middleware]) : [];
    this.on(
      [route.method],
      [route.path.replaceAll(/\/{(.+?)}/g, '/:$1')],
      ...(own as MiddlewareHandler[]),
      ...requestValidators(route as RouteConfig, effectiveHook),
      handler,
    );
    return this;
  }) as unknown as OpenAPIHono<E>['openapi'];
}
