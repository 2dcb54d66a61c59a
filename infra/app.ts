/** The CDK app: `npx cdk synth` (offline) and `npm run deploy` (see README). */
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { ContextDefinition } from '../functions/contexts.ts';
import { stageConfig } from './config.ts';
import { EdgeStack } from './edge-stack.ts';
import { acknowledgeNagFindings } from './nag-suppressions.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

export function buildApp(app: App, options: { contexts?: ContextDefinition[] } = {}) {
  const config = stageConfig(app);
  const prefix = `Conference-${config.stage}`;
  const env = { account: config.account, region: config.region };

  const stateful = new StatefulStack(app, `${prefix}-Data`, {
    env,
    description: `Conference platform (${config.stage}): data`,
  });
  const edge = new EdgeStack(app, `${prefix}-Edge`, {
    env: { account: config.account, region: 'us-east-1' },
    description: `Conference platform (${config.stage}): web ACL for CloudFront`,
    requestsPer5Minutes: config.wafRequestsPer5Minutes,
  });
  const stateless = new StatelessStack(app, `${prefix}-App`, {
    env,
    crossRegionReferences: true,
    description: `Conference platform (${config.stage}): functions, API, mail, sign-in, site`,
    config,
    table: stateful.table,
    webAclArn: edge.webAcl.attrArn,
    contexts: options.contexts,
  });
  Tags.of(app).add('project', 'customs-it-conference');
  Tags.of(app).add('stage', config.stage);
  acknowledgeNagFindings(stateless, config);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { config, stateful, edge, stateless };
}

if (import.meta.main) {
  const app = new App();
  buildApp(app);
  app.synth();
}
