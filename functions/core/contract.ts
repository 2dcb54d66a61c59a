/**
 * Route contracts: each context's `routes.ts` declares a route with `createRoute` (method, path,
 * middleware, zod schemas of the request and the responses); its app registers it with
 * `app.openapi(route, handler)`, which runs the route's middleware, then validates query, path,
 * headers, cookies and body with zod's `safeParseAsync`, gives failures to the app's hook
 * (problem+json, `core/app.ts`), then calls the handler.
 *
 * This is the run-time half of `@hono/zod-openapi`'s `OpenAPIHono.openapi`, written against
 * zod's core types so the contracts can be `zod/mini` schemas: that package types its routes
 * with the full zod and brings the OpenAPI generator. Only the docs context generates the
 * document (`functions/docs/openapi.ts`, at build time), from these same contracts. The types
 * below give a handler its validated input and hold its JSON answers to the contract.
 */
import type { Context, Env, Handler, MiddlewareHandler, TypedResponse } from 'hono';
import { Hono } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';
import { validator } from 'hono/validator';
import type * as z from 'zod/mini';
import { UnsupportedMediaTypeError } from './errors.ts';

type AnySchema = z.core.$ZodType;
/** Schemas per media type; a non-JSON body (CSV, iCalendar, XML) is described by a string schema. */
type Content = Record<string, { schema: AnySchema }>;

export type RouteConfig = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';
  /** OpenAPI style: `/api/events/{eventId}`. */
  path: string;
  /** Runs before validation: who may call (see `core/auth.ts`). */
  middleware?: MiddlewareHandler | MiddlewareHandler[];
  /** Registered, but left out of the OpenAPI document. */
  hide?: boolean;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  request?: {
    params?: AnySchema;
    query?: AnySchema;
    headers?: AnySchema;
    cookies?: AnySchema;
    body?: { description?: string; required?: boolean; content: Content };
  };
  responses: Record<number, { description: string; content?: Content; headers?: AnySchema }>;
};

/** `{eventId}` in the contract's path is Hono's `:eventId`. */
type HonoPath<P extends string> = P extends `${infer Head}/{${infer Param}}${infer Tail}`
  ? `${Head}/:${Param}${HonoPath<Tail>}`
  : P;
type RequestSchema<R extends RouteConfig, K extends string> =
  R['request'] extends Record<K, infer S extends AnySchema> ? S : never;
type BodySchema<R extends RouteConfig, Media extends string> = R['request'] extends {
  body: { content: infer C extends Content };
}
  ? { [M in keyof C]: M extends Media ? C[M]['schema'] : never }[keyof C]
  : never;
/** A part of the request the route does not validate adds nothing to the input. */
type Unvalidated = Record<never, never>;
type Validated<Target extends string, S> = [S] extends [never]
  ? Unvalidated
  : S extends AnySchema
    ? { in: { [T in Target]: z.core.input<S> }; out: { [T in Target]: z.core.output<S> } }
    : Unvalidated;
type JsonMedia = `application/${string}json${string}`;
type FormMedia = `multipart/form-data${string}` | `application/x-www-form-urlencoded${string}`;
/** What `c.req.valid(...)` gives the handler of route `R`. */
export type RouteInput<R extends RouteConfig> = Validated<'param', RequestSchema<R, 'params'>> &
  Validated<'query', RequestSchema<R, 'query'>> &
  Validated<'header', RequestSchema<R, 'headers'>> &
  Validated<'cookie', RequestSchema<R, 'cookies'>> &
  Validated<'json', BodySchema<R, JsonMedia>> &
  Validated<'form', BodySchema<R, FormMedia>>;

/** One declared answer: a JSON body of its schema, any other body as a plain response, or no body. */
type Answer<Code, A> = Code extends StatusCode
  ? A extends { content: infer C extends Content }
    ? {
        [M in keyof C]: M extends JsonMedia
          ? TypedResponse<JSONParsed<z.core.output<C[M]['schema']>>, Code, 'json'>
          : Response;
      }[keyof C]
    : TypedResponse<unknown, Code, string> | Response
  : never;
/** The answers route `R` declares: a handler's `c.json(body, status)` must match one of them. */
export type RouteResponse<R extends RouteConfig> = {
  [Code in keyof R['responses']]: Answer<Code, R['responses'][Code]>;
}[keyof R['responses']];

/** The variables a route's own middleware sets (a manage token, a sponsor), for its handler. */
type MiddlewareEnv<M> = (M extends readonly (infer H)[] ? H : M) extends infer H
  ? (H extends MiddlewareHandler<infer HE> ? (x: HE) => void : never) extends (x: infer All) => void
    ? All
    : never
  : never;
type MaybePromise<T> = T | Promise<T>;
export type RouteHandler<R extends RouteConfig, E extends Env> = Handler<
  E & ([MiddlewareEnv<R['middleware']>] extends [never] ? Env : MiddlewareEnv<R['middleware']>),
  HonoPath<R['path']>,
  RouteInput<R>,
  MaybePromise<RouteResponse<R>>
>;

type Target = 'query' | 'param' | 'header' | 'cookie' | 'json' | 'form';
type SafeParse = { success: boolean; data?: unknown; error?: unknown };
type Schema = {
  safeParseAsync(value: unknown): Promise<SafeParse>;
  shape?: Record<string, unknown>;
  in?: { shape: Record<string, unknown> };
  _zod?: unknown;
};
/** A route contract; `const` keeps its literal path, statuses and media types for the handler's types. */
export const createRoute = <const R extends RouteConfig>(route: R): R => route;

const isSchema = (x: unknown): x is Schema =>
  typeof x === 'object' &&
  x !== null &&
  ['parse', 'safeParse', 'parseAsync', 'safeParseAsync'].every(
    (m) => typeof (x as Record<string, unknown>)[m] === 'function',
  );

/** `@hono/zod-validator`'s `zValidator`: header names matched case-insensitively, the hook sees every result. */
function zodValidator(target: Target, schema: Schema, hook: ValidationHook): MiddlewareHandler {
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
    const answer = await hook({ ...result, target } as ValidationResult, c);
    if (answer) return answer;
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
function requestValidators(route: RouteConfig, hook: ValidationHook): MiddlewareHandler[] {
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
  const unsupported = () => new UnsupportedMediaTypeError(`Send the body as ${declared.join(' or ')}.`);
  if (declared.some((type) => isSchema(content[type]?.schema) && (isJsonType(type) || isFormType(type)))) {
    validators.push(async (c, next) => {
      const contentType = c.req.header('content-type');
      if (contentType) {
        if (!declared.some((type) => matchesMediaType(contentType, type))) throw unsupported();
      } else if (await hasRequestBody(c)) throw unsupported();
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

/** What the app's hook sees of each validation: the target, and zod's result. */
export type ValidationResult = { target: Target } & (
  | { success: true; data: unknown }
  | { success: false; error: z.core.$ZodError }
);
export type ValidationHook = (
  result: ValidationResult,
  c: Context,
) => Response | undefined | Promise<Response | undefined>;

/** A Hono app that registers route contracts: `app.openapi(route, handler)`. */
export class ContractApp<E extends Env = Env> extends Hono<E> {
  readonly #hook: ValidationHook;

  constructor(options: { defaultHook?: ValidationHook } = {}) {
    super();
    this.#hook = options.defaultHook ?? (() => undefined);
  }

  openapi<R extends RouteConfig>(route: R, handler: RouteHandler<R, E>): this {
    const own = route.middleware ? [route.middleware].flat() : [];
    this.on(
      [route.method],
      [route.path.replaceAll(/\/{(.+?)}/g, '/:$1')],
      ...own,
      ...requestValidators(route, this.#hook),
      handler as unknown as MiddlewareHandler,
    );
    return this;
  }
}
