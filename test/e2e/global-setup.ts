import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startLocalStack } from '../../local/stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** The real local twin (in memory, on a free port), building the site if it is stale. */
export default async function setup(project: TestProject) {
  const stack = await startLocalStack({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    port: 0,
    inMemory: true,
    progress: (message) => console.log(`[e2e] ${message}`),
  });
  // The stack also answers on 127.0.0.1 (sign-in included); the tests use the origin it advertises.
  project.provide('baseUrl', stack.url);
  return () => stack.stop();
}
