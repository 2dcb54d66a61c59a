import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { type LocalStack, startLocalStack } from '../../local/stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const ATTEMPTS = 2;

/** The real local twin (in memory, on a free port), building the site if it is stale. */
export default async function setup(project: TestProject) {
  const start = () =>
    startLocalStack({
      root: fileURLToPath(new URL('../..', import.meta.url)),
      port: 0,
      inMemory: true,
      progress: (message) => console.log(`[e2e] ${message}`),
    });
  // On a loaded 2-core machine Java can miss DynamoDB Local's start-up deadline; a failed
  // start stops whatever it had started, so one more try begins from nothing.
  let stack: LocalStack | undefined;
  for (let attempt = 1; !stack; attempt += 1) {
    try {
      stack = await start();
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      console.log(`[e2e] The local stack did not start (${(error as Error).message}); trying once more.`);
    }
  }
  // The stack also answers on 127.0.0.1 (sign-in included); the tests use the origin it advertises.
  project.provide('baseUrl', stack.url);
  return () => stack.stop();
}
