import { SESv2Client } from '@aws-sdk/client-sesv2';
import { createDocumentClient, requireEnv } from '../core/dynamo.ts';
import { createMailWorker } from './worker.ts';

export const handler = createMailWorker({
  doc: createDocumentClient(),
  ses: new SESv2Client({}),
  tableName: requireEnv('TABLE_NAME'),
  fromAddress: requireEnv('MAIL_FROM'),
  configurationSet: process.env.SES_CONFIGURATION_SET,
});
