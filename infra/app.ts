/** The CDK app: `npx cdk synth` (offline) and `npm run deploy` (see README). */
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { join } from 'node:path';
import { projectRoot } from './context-function.ts';
import { acknowledgeNagFindings } from './nag-suppressions.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

export function buildApp(app: App, options: { sitePath?: string } = {}) {
  const stage = String(app.node.tryGetContext('stage') ?? 'dev');
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage)) throw new Error(`Stage "${stage}" must be lower-case letters, digits or dashes`);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const prefix = `Conference-${stage}`;

  const stateful = new StatefulStack(app, `${prefix}-Data`, { env, description: `Conference platform (${stage}): data` });
  const stateless = new StatelessStack(app, `${prefix}-App`, {
    env,
    description: `Conference platform (${stage}): functions, API, site`,
    table: stateful.table,
    sitePath: options.sitePath,
  });
  Tags.of(app).add('project', 'customs-it-conference');
  Tags.of(app).add('stage', stage);
  acknowledgeNagFindings(stateless);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { stateful, stateless };
}

if (import.meta.main) {
  const app = new App();
  const deploySite = app.node.tryGetContext('deploySite') !== 'false';
  buildApp(app, { sitePath: deploySite ? join(projectRoot, 'site/dist') : undefined });
  app.synth();
}
