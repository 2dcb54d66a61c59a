/**
 * The local twin's consumer of site-rebuild requests (functions/core/site-rebuild.ts): a
 * stream handler that sees SITEBUILD# inserts, rebuilds the site against the running API and
 * deletes each request once the build that covers it has finished. Requests in a row make
 * one build (debounced); a request during a build makes exactly one more after it. A build
 * is skipped when the site's fingerprint (sources and published data) has not changed.
 */
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { DocumentClient } from '../functions/core/dynamo.ts';
import { siteRebuildIdOf, siteRebuildKey } from '../functions/core/site-rebuild.ts';
import { buildSite, isSiteCurrent, siteFingerprint } from './site-build.ts';

export type SiteRebuilderOptions = {
  root: string;
  apiBase: string;
  logFile: string;
  doc: DocumentClient;
  tableName: string;
  /** Wait after a request for more before building. */
  debounceMs?: number;
  log?: (message: string) => void;
  /** Hold requests until `resume()` (while the twin's first build runs). */
  paused?: boolean;
  /** The build itself; the Astro build unless a test gives another. */
  build?: (fingerprint: string) => Promise<void>;
};

export function createSiteRebuilder(options: SiteRebuilderOptions) {
  const log = options.log ?? ((message: string) => console.error(message));
  const debounceMs = options.debounceMs ?? 1000;
  const build =
    options.build ??
    ((fingerprint: string) => buildSite(options.root, options.apiBase, fingerprint, options.logFile).done);
  let waiting: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let paused = options.paused ?? false;

  async function runOnce() {
    const covered = waiting;
    waiting = [];
    const started = Date.now();
    const fingerprint = await siteFingerprint(options.root, options.apiBase);
    if (!isSiteCurrent(options.root, fingerprint)) {
      await build(fingerprint);
      log(`site rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s (${covered.length} request(s))`);
    }
    for (const id of covered) {
      await options.doc.send(new DeleteCommand({ TableName: options.tableName, Key: siteRebuildKey(id) }));
    }
  }

  function start() {
    timer = undefined;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .catch((error: Error) => log(`site rebuild failed: ${error.message}`))
      .finally(() => {
        running = undefined;
        if (again || waiting.length > 0) {
          again = false;
          start();
        }
      });
  }

  /** Asks for a build covering request `id` (debounced). */
  function request(id: string) {
    waiting.push(id);
    if (paused) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(start, debounceMs);
  }

  const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      const id = siteRebuildIdOf(record.dynamodb?.Keys?.PK?.S);
      if (record.eventName === 'INSERT' && id) request(id);
    }
    return { batchItemFailures: [] };
  };

  return {
    handler,
    request,
    /** Resolves once no build is waiting or running. */
    async idle() {
      while (timer || running) await (running ?? new Promise((r) => setTimeout(r, debounceMs)));
    },
    /** Starts handling requests, building at once for any that arrived while paused. */
    resume() {
      paused = false;
      if (waiting.length > 0 && !running) {
        clearTimeout(timer);
        timer = setTimeout(start, debounceMs);
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** Several stream handlers on one stream, as several Lambda event sources would be in AWS. */
export function fanOut(
  ...handlers: ((event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>)[]
): (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse> {
  return async (event) => {
    const failures = [];
    for (const handler of handlers) failures.push(...(await handler(event)).batchItemFailures);
    return { batchItemFailures: failures.slice(0, 1) };
  };
}
