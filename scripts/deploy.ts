/**
 * `npm run deploy -- [stage]`: deploys the stacks, builds the site against the deployed API
 * (the site is static HTML made from published data), uploads it and invalidates the CDN.
 * Needs AWS credentials in the environment and bootstrapped regions (see README).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { stageConfig } from '../infra/config.ts';
import { uploadSite } from './upload-site.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const stage = process.argv[2] ?? 'dev';
const prefix = `Conference-${stage}`;
const outputs = `cdk.out/outputs-${stage}.json`;

function run(command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

run('npx', [
  'cdk',
  'deploy',
  `${prefix}-Data`,
  `${prefix}-Edge`,
  `${prefix}-App`,
  '-c',
  `stage=${stage}`,
  '--require-approval',
  'never',
  '--outputs-file',
  outputs,
]);
const app = JSON.parse(readFileSync(`${root}/${outputs}`, 'utf8'))[`${prefix}-App`] as Record<string, string>;
// The stage's settings as the CDK app reads them (cdk.json's context): the privacy notice states the retention.
const { context } = JSON.parse(readFileSync(`${root}/cdk.json`, 'utf8')) as { context: Record<string, unknown> };
const { retentionDays } = stageConfig(new App({ context: { ...context, stage } }));
const siteUrl = app.SiteUrl!;

rmSync(`${root}/site/dist`, { recursive: true, force: true });
run('npx', ['astro', 'build', '--root', 'site'], {
  API_BASE_URL: siteUrl,
  SITE_URL: siteUrl,
  PUBLIC_OIDC_ISSUER: app.OidcIssuer!,
  PUBLIC_OIDC_CLIENT_ID: app.SiteClientId!,
  PUBLIC_OIDC_SCOPE: 'openid email profile',
  RETENTION_DAYS: String(retentionDays),
  ASTRO_TELEMETRY_DISABLED: '1',
});

const region = app.ApiEndpoint!.split('.')[2]!;
const count = await uploadSite({
  dist: `${root}/site/dist`,
  bucket: app.SiteBucketName!,
  distributionId: app.DistributionId!,
  region,
});
console.log(`\nDeployed stage ${stage}: ${count} site files at ${siteUrl}`);
