import { DeleteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/core/dynamo.ts';
import { createSiteRebuilder } from '../../local/site-rebuilder.ts';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());

const insert = (...pks: string[]) =>
  ({
    Records: pks.map((pk) => ({ eventName: 'INSERT', dynamodb: { Keys: { PK: { S: pk } } } })),
  }) as unknown as DynamoDBStreamEvent;

function rebuilder(options: { current?: boolean } = {}) {
  const builds: string[] = [];
  let release: (() => void) | undefined;
  let generation = 0;
  const r = createSiteRebuilder({
    root: '/nonexistent',
    apiBase: 'http://127.0.0.1:1',
    logFile: '/dev/null',
    doc: createDocumentClient(),
    tableName: 't',
    debounceMs: 5,
    log: () => {},
    fingerprint: async () => `f${++generation}`,
    isCurrent: () => options.current ?? false,
    build: (fingerprint) =>
      new Promise<void>((done) => {
        builds.push(fingerprint);
        release = done;
      }),
  });
  return { r, builds, finish: () => release?.() };
}

const deletedIds = () => ddb.commandCalls(DeleteCommand).map((c) => c.args[0].input.Key?.PK);

describe('local site rebuilder', () => {
  it('makes one build of requests in a row, ignores other keys, then deletes the requests', async () => {
    ddb.on(DeleteCommand).resolves({});
    const { r, builds, finish } = rebuilder();
    await r.handler(insert('SITEBUILD#a', 'OUTBOX#m1', 'SITEBUILD#b'));
    await r.handler(insert('SITEBUILD#c'));
    await expect.poll(() => builds.length).toBe(1);
    finish();
    await r.idle();
    expect(builds).toEqual(['f1']);
    expect(deletedIds()).toEqual(['SITEBUILD#a', 'SITEBUILD#b', 'SITEBUILD#c']);
  });

  it('follows a build that was running when a request came with exactly one more', async () => {
    ddb.on(DeleteCommand).resolves({});
    const { r, builds, finish } = rebuilder();
    await r.handler(insert('SITEBUILD#first'));
    await expect.poll(() => builds.length).toBe(1);
    await r.handler(insert('SITEBUILD#during-1', 'SITEBUILD#during-2'));
    finish();
    await expect.poll(() => builds.length).toBe(2);
    finish();
    await r.idle();
    expect(builds).toEqual(['f1', 'f2']);
    expect(deletedIds()).toEqual(['SITEBUILD#first', 'SITEBUILD#during-1', 'SITEBUILD#during-2']);
  });

  it('does not build when the site is current, but still deletes the request', async () => {
    ddb.on(DeleteCommand).resolves({});
    const { r, builds } = rebuilder({ current: true });
    await r.handler(insert('SITEBUILD#x'));
    await expect.poll(() => deletedIds()).toEqual(['SITEBUILD#x']);
    await r.idle();
    expect(builds).toEqual([]);
  });

  it('holds requests while paused and builds once resumed', async () => {
    ddb.on(DeleteCommand).resolves({});
    const builds: string[] = [];
    const r = createSiteRebuilder({
      root: '/nonexistent',
      apiBase: 'http://127.0.0.1:1',
      logFile: '/dev/null',
      doc: createDocumentClient(),
      tableName: 't',
      debounceMs: 5,
      paused: true,
      log: () => {},
      fingerprint: async () => 'f',
      isCurrent: () => false,
      build: async (f) => void builds.push(f),
    });
    await r.handler(insert('SITEBUILD#early'));
    // Idle at once: a rebuilder that did not hold the request would wait here for its build.
    await r.idle();
    expect(builds).toEqual([]);
    r.resume();
    await expect.poll(() => deletedIds()).toEqual(['SITEBUILD#early']);
    expect(builds).toEqual(['f']);
  });
});
