/**
 * Sends outbox mail from the table's stream through the SES v2 API. A failed record is
 * reported alone (the batch is not retried whole); after the retries Lambda hands it to
 * the dead-letter queue, so no mail is lost silently and no registration waits on mail.
 */
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { DocumentClient } from '../core/dynamo.ts';
import { OutboxMail, outboxIdOf, outboxKey } from './outbox.ts';

export type MailWorkerDeps = {
  doc: DocumentClient;
  ses: SESv2Client;
  tableName: string;
  fromAddress: string;
  configurationSet?: string;
  log?: (entry: Record<string, unknown>) => void;
};

export async function sendOutboxMail(deps: MailWorkerDeps, id: string): Promise<'sent' | 'gone'> {
  // Read the item itself, not the stream image: an erased or already-sent mail is skipped.
  const { Item } = await deps.doc.send(
    new GetCommand({ TableName: deps.tableName, Key: outboxKey(id), ConsistentRead: true }),
  );
  if (!Item) return 'gone';
  const mail = OutboxMail.parse(Item);
  await deps.ses.send(
    new SendEmailCommand({
      FromEmailAddress: deps.fromAddress,
      Destination: { ToAddresses: [mail.to] },
      ConfigurationSetName: deps.configurationSet,
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: mail.text, Charset: 'UTF-8' },
            ...(mail.html ? { Html: { Data: mail.html, Charset: 'UTF-8' } } : {}),
          },
          ...(mail.attachments?.length
            ? {
                // SES builds the MIME message: inline parts (a Content-ID) beside the HTML, the rest as files.
                Attachments: mail.attachments.map((a) => ({
                  FileName: a.filename,
                  ContentType: a.contentType,
                  RawContent: Buffer.from(a.content, 'base64'),
                  ContentTransferEncoding: 'BASE64' as const,
                  ContentDisposition: a.contentId ? ('INLINE' as const) : ('ATTACHMENT' as const),
                  ...(a.contentId ? { ContentId: a.contentId } : {}),
                })),
              }
            : {}),
        },
      },
    }),
  );
  await deps.doc.send(new DeleteCommand({ TableName: deps.tableName, Key: outboxKey(id) }));
  return 'sent';
}

export function createMailWorker(deps: MailWorkerDeps) {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const id = outboxIdOf(record.dynamodb?.Keys?.PK?.S);
      if (record.eventName !== 'INSERT' || !id) continue;
      try {
        const outcome = await sendOutboxMail(deps, id);
        log({ level: 'info', message: `mail ${outcome}`, outboxId: id });
      } catch (error) {
        log({
          level: 'error',
          message: 'mail not sent',
          outboxId: id,
          error: error instanceof Error ? error.name : String(error),
        });
        // Stream order matters: stop here and let Lambda retry from this record.
        batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
        break;
      }
    }
    return { batchItemFailures };
  };
}
