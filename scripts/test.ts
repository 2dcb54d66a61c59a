/**
 * `npm test`: the static checks and the four test tiers, in two lanes that run side by side.
 * On a 2-core machine the two lanes together keep both cores busy, so the run takes about
 * as long as their work allows, instead of one lane after the other:
 *  - lane "e2e": the e2e tier;
 *  - lane "checks": tsc, astro check and Biome, then the unit, integration and infra tiers.
 * Each line of output carries its lane's name. The run fails when any step fails, and says
 * which; extra arguments go to both vitest runs (e.g. `npm test -- --reporter=dot`).
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { createInterface } from 'node:readline';

type Step = { name: string; command: string; args: string[]; env?: Record<string, string> };
type Outcome = { name: string; code: number; seconds: number };

/**
 * The e2e lane is the longer one, and it waits at times (for the browser, a site rebuild);
 * the checks lane only computes. Run below the e2e lane's priority, the checks take the
 * cores whenever the e2e lane leaves them, and both lanes end closer together.
 */
const PRIORITY: Record<string, number> = { e2e: 0, checks: 5 };

const extra = process.argv.slice(2);
const bin = (name: string) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const node = (name: string, ...args: string[]): Pick<Step, 'command' | 'args'> => ({
  command: process.execPath,
  args: [bin(name), ...args],
});

const lanes: Record<string, Step[]> = {
  e2e: [{ name: 'e2e tier', ...node('vitest', 'run', '--project', 'e2e', ...extra) }],
  checks: [
    // TypeScript 7 (the native compiler: 7 s against 22 s here) for everything but the site;
    // astro check runs on TypeScript 6, which @astrojs/check needs, for the .astro files.
    {
      name: 'tsc',
      command: process.execPath,
      args: [new URL('../node_modules/typescript-7/bin/tsc', import.meta.url).pathname, '-p', '.'],
    },
    {
      name: 'astro check',
      ...node('astro', 'check', '--root', 'site'),
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
    },
    { name: 'biome', ...node('biome', 'check', '--error-on-warnings', '.') },
    {
      name: 'unit, integration and infra tiers',
      ...node('vitest', 'run', '--project', 'unit', '--project', 'integration', '--project', 'infra', ...extra),
    },
  ],
};

function run(lane: string, step: Step): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      env: { ...process.env, ...step.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Processes the step starts later (DynamoDB Local, workers) inherit its priority.
    if (child.pid && PRIORITY[lane]) setPriority(child.pid, PRIORITY[lane]);
    const label = `${lane.padEnd(6)}│ `;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${label}${line}\n`));
    }
    child.once('close', (code, signal) =>
      resolve({ name: step.name, code: code ?? (signal ? 1 : 0), seconds: (performance.now() - started) / 1000 }),
    );
  });
}

/** A lane runs its steps in order and stops at the first that fails. */
async function runLane(lane: string, steps: Step[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const step of steps) {
    const outcome = await run(lane, step);
    outcomes.push(outcome);
    if (outcome.code !== 0) break;
  }
  return outcomes;
}

const started = performance.now();
const results = (await Promise.all(Object.entries(lanes).map(([lane, steps]) => runLane(lane, steps)))).flat();
const failed = results.filter((r) => r.code !== 0);
console.log('\nnpm test:');
for (const r of results) console.log(`  ${r.code === 0 ? 'passed' : 'FAILED'}  ${r.name} (${r.seconds.toFixed(0)} s)`);
console.log(`  in all ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (failed.length > 0) {
  console.log(`\nFailed: ${failed.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
