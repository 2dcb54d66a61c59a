import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { createDocumentClient, requireEnv } from '../core/dynamo.ts';
import { createSiteRebuildStarter } from './site-rebuild-starter.ts';

export const handler = createSiteRebuildStarter({
  doc: createDocumentClient(),
  codeBuild: new CodeBuildClient({}),
  tableName: requireEnv('TABLE_NAME'),
  projectName: requireEnv('SITE_BUILD_PROJECT'),
});
