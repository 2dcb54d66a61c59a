/**
 * The deployed bundles (infra/bundling.ts through ContextFunction): code loaded on use sits in
 * chunks inside the asset, where the handler finds it, and the docs Lambda serves the document
 * generated at build time, the same as the one the route contracts generate now.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../functions/docs/openapi.ts';
import { HANDLER } from '../../infra/bundling.ts';
import { ContextFunction } from '../../infra/context-function.ts';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

function getEvent(path: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'api',
      domainName: 'api.example',
      domainPrefix: 'api',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.1', userAgent: 'test' },
      requestId: 'r1',
      routeKey: '$default',
      stage: '$default',
      time: '01/Jan/2027:00:00:00 +0000',
      timeEpoch: 0,
    },
  };
}

describe('Lambda bundles in the synthesized assets', () => {
  let outdir: string;
  let assetOf: (description: string) => string;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'bundles-test-'));
    const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
    const stack = new Stack(app, 'Bundles', { env: { region: 'eu-west-1', account: '000000000000' } });
    for (const name of ['registrations', 'docs']) {
      new ContextFunction(stack, name, {
        entry: `functions/${name}/handler.ts`,
        description: `The ${name} context`,
        logRetention: RetentionDays.ONE_DAY,
      });
    }
    const template = Template.fromStack(stack);
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as {
      Properties: { Description: string; Handler: string };
      Metadata: { 'aws:asset:path': string };
    }[];
    for (const fn of functions) expect(fn.Properties.Handler).toBe(HANDLER);
    assetOf = (description) => {
      const fn = functions.find((f) => f.Properties.Description === description);
      return join(app.outdir, fn?.Metadata['aws:asset:path'] ?? 'missing');
    };
  });

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('puts pdf-lib in a chunk of the registrations asset, loaded only when an invoice is made', () => {
    const asset = assetOf('The registrations context');
    const entry = readFileSync(join(asset, 'index.mjs'), 'utf8');
    const chunks = readdirSync(join(asset, 'chunks')).filter((f) => f.endsWith('.mjs'));
    // pdf-lib's producer string, in its code only.
    const pdfLib = 'github.com/Hopding/pdf-lib';
    const withPdfLib = chunks.filter((f) => readFileSync(join(asset, 'chunks', f), 'utf8').includes(pdfLib));
    expect(withPdfLib).toHaveLength(1);
    expect(entry).not.toContain(pdfLib);
    // Each chunk the entry names is in the asset.
    for (const [, file] of entry.matchAll(/["']\.\/(chunks\/[^"']+\.mjs)["']/g)) {
      expect(existsSync(join(asset, file!)), file).toBe(true);
    }
  });

  it('serves the OpenAPI document generated at build time from the docs asset, identical to the live one', async () => {
    const asset = assetOf('The docs context');
    const live = buildOpenApiDocument();
    expect(JSON.parse(readFileSync(join(asset, 'openapi.json'), 'utf8'))).toEqual(live);
    // The bundled handler itself, as Lambda imports it.
    const { handler } = (await import(pathToFileURL(join(asset, 'index.mjs')).href)) as { handler: Handler };
    const response = await handler(getEvent('/api/openapi.json'), {} as Context);
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(JSON.stringify(live));
    const reference = await handler(getEvent('/api/reference'), {} as Context);
    expect(reference.statusCode).toBe(200);
    expect(reference.body).toContain('/api/events/{eventId}/registrations');
    const unknown = await handler(getEvent('/api/nowhere'), {} as Context);
    expect(unknown.statusCode).toBe(404);
  });
});
