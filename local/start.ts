/** `npm start`: the local twin in the foreground; Ctrl-C or SIGTERM stops every child. */
import { fileURLToPath } from 'node:url';
import { startLocalStack } from './stack.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const inMemory = process.argv.includes('--memory') || Boolean(process.env.CI);
const port = Number(process.env.PORT ?? 4321);
const started = performance.now();
// Read before anything else: a SIGTERM to npm during start-up must still be noticed.
const parent = process.ppid;
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;

const stack = await startLocalStack({
  root,
  port,
  inMemory,
  progress: (message) => console.log(`[${elapsed()}] ${message}`),
}).catch((error: unknown) => {
  console.error(`\nCould not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

console.log(`
  Customs IT Conference & Exhibition — local stack ready in ${elapsed()}

  Site (English)   ${stack.url}/
  Site (French)    ${stack.url}/fr/
  API              ${stack.url}/api/events
  API reference    ${stack.url}/api/reference
  OpenAPI          ${stack.url}/api/openapi.json

  Data: ${inMemory ? 'in memory (gone when stopped)' : '.data/ (kept between runs)'}. Press Ctrl-C to stop.
`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  stack.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
// npm runs this under a shell, and a SIGTERM to npm ends the shell but not this process:
// once the process that started it is gone, stop as if signalled, Java included.
setInterval(() => process.ppid !== parent && stop(), 1_000).unref();
