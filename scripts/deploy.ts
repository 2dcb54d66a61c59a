/**
 * `npm run deploy -- [stage]`: deploys the stacks, builds the site against the deployed API
 * (the site is static HTML made from published data), then deploys the site content.
 * Needs AWS credentials in the environment and a bootstrapped account (see README).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stage = process.argv[2] ?? 'dev';
const stacks = [`Conference-${stage}-Data`, `Conference-${stage}-App`];
const outputs = `cdk.out/outputs-${stage}.json`;

function run(command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

const cdk = (extra: string[]) =>
  run('npx', ['cdk', 'deploy', ...stacks, '-c', `stage=${stage}`, '--require-approval', 'never', '--outputs-file', outputs, ...extra]);

// 1. Data, functions, API and CDN; site content only if this stage was deployed before.
cdk(['-c', 'deploySite=false']);
const siteUrl: string = JSON.parse(readFileSync(`${root}/${outputs}`, 'utf8'))[stacks[1]!].SiteUrl;

// 2. The site, built from what the deployed API publishes.
rmSync(`${root}/site/dist`, { recursive: true, force: true });
run('npx', ['astro', 'build', '--root', 'site'], {
  API_BASE_URL: siteUrl,
  SITE_URL: process.env.SITE_URL ?? siteUrl,
  ASTRO_TELEMETRY_DISABLED: '1',
});

// 3. Upload it and invalidate the CDN.
cdk([]);
console.log(`\nDeployed stage ${stage}: ${siteUrl}`);
