import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { outboxItem } from '../../functions/mail/outbox.ts';
import { mailWorker, TEST_TABLE } from '../support/apps.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);

const record = (pk: string, sequence: string, eventName: DynamoDBRecord['eventName'] = 'INSERT'): DynamoDBRecord => ({
  eventName,
  dynamodb: { Keys: { PK: { S: pk }, SK: { S: 'MAIL' } }, SequenceNumber: sequence },
});

const mail = (id: string) =>
  outboxItem(
    { id, to: `${id}@example.org`, subject: `Subject ${id}`, text: `Text ${id}`, html: `<p>${id}</p>`, language: 'en' },
    2_000_000_000,
  );

const worker = () => mailWorker({ fromAddress: 'Conference <no-reply@example.org>', configurationSet: 'mail-set' });

beforeEach(() => {
  ddb.reset();
  ses.reset();
});

describe('mail worker', () => {
  it('sends each new outbox mail once through SES v2 from a keys-only record, then removes it', async () => {
    ddb.on(GetCommand, { Key: { PK: 'OUTBOX#m1', SK: 'MAIL' } }).resolves({ Item: mail('m1') });
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });

    const result = await worker()({ Records: [record('OUTBOX#m1', '1')] } as DynamoDBStreamEvent);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input)).toEqual([
      {
        FromEmailAddress: 'Conference <no-reply@example.org>',
        Destination: { ToAddresses: ['m1@example.org'] },
        ConfigurationSetName: 'mail-set',
        Content: {
          Simple: {
            Subject: { Data: 'Subject m1', Charset: 'UTF-8' },
            Body: { Text: { Data: 'Text m1', Charset: 'UTF-8' }, Html: { Data: '<p>m1</p>', Charset: 'UTF-8' } },
          },
        },
      },
    ]);
    expect(ddb.commandCalls(DeleteCommand).map((c) => c.args[0].input.Key)).toEqual([{ PK: 'OUTBOX#m1', SK: 'MAIL' }]);
  });

  it('hands attachments to SES: an inline image by its Content-ID, a file as an attachment', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const withFiles = outboxItem(
      {
        id: 'm9',
        to: 'm9@example.org',
        subject: 'Subject m9',
        text: 'Text m9',
        html: '<img src="cid:qr-1@conference">',
        attachments: [
          {
            filename: 'check-in-code.png',
            contentType: 'image/png',
            content: png.toString('base64'),
            contentId: 'qr-1@conference',
          },
          {
            filename: 'event.ics',
            contentType: 'text/calendar',
            content: Buffer.from('BEGIN:VCALENDAR').toString('base64'),
          },
        ],
        language: 'en',
      },
      2_000_000_000,
    );
    ddb.on(GetCommand, { Key: { PK: 'OUTBOX#m9', SK: 'MAIL' } }).resolves({ Item: withFiles });
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-9' });

    expect(await worker()({ Records: [record('OUTBOX#m9', '9')] } as DynamoDBStreamEvent)).toEqual({
      batchItemFailures: [],
    });
    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Content?.Simple?.Attachments).toEqual([
      {
        FileName: 'check-in-code.png',
        ContentType: 'image/png',
        RawContent: png,
        ContentTransferEncoding: 'BASE64',
        ContentDisposition: 'INLINE',
        ContentId: 'qr-1@conference',
      },
      {
        FileName: 'event.ics',
        ContentType: 'text/calendar',
        RawContent: Buffer.from('BEGIN:VCALENDAR'),
        ContentTransferEncoding: 'BASE64',
        ContentDisposition: 'ATTACHMENT',
      },
    ]);
  });

  it('sends what the table holds, whatever a stream record might carry besides its keys', async () => {
    ddb.on(GetCommand, { Key: { PK: 'OUTBOX#m3', SK: 'MAIL' } }).resolves({ Item: mail('m3') });
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-3' });
    const withImage: DynamoDBRecord = {
      eventName: 'INSERT',
      dynamodb: {
        Keys: { PK: { S: 'OUTBOX#m3' }, SK: { S: 'MAIL' } },
        NewImage: { PK: { S: 'OUTBOX#m3' }, to: { S: 'intruder@example.org' }, text: { S: 'forged' } },
        SequenceNumber: '5',
      },
    };

    const result = await worker()({ Records: [withImage] } as DynamoDBStreamEvent);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(ddb.commandCalls(GetCommand).map((c) => c.args[0].input)).toEqual([
      { TableName: TEST_TABLE, Key: { PK: 'OUTBOX#m3', SK: 'MAIL' }, ConsistentRead: true },
    ]);
    expect(ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input.Destination?.ToAddresses)).toEqual([
      ['m3@example.org'],
    ]);
    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Content?.Simple?.Body?.Text?.Data).toBe('Text m3');
  });

  it('leaves a mail whose send failed in the outbox, and sends and removes it on the retry', async () => {
    ddb.on(GetCommand).resolves({ Item: mail('m4') });
    ses
      .on(SendEmailCommand)
      .rejectsOnce(Object.assign(new Error('Throttled'), { name: 'TooManyRequestsException' }))
      .resolves({ MessageId: 'ses-4' });
    const event = { Records: [record('OUTBOX#m4', '7')] } as DynamoDBStreamEvent;

    expect(await worker()(event)).toEqual({ batchItemFailures: [{ itemIdentifier: '7' }] });
    expect(ddb.commandCalls(DeleteCommand)).toHaveLength(0);

    expect(await worker()(event)).toEqual({ batchItemFailures: [] });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
    expect(ddb.commandCalls(DeleteCommand).map((c) => c.args[0].input)).toEqual([
      { TableName: TEST_TABLE, Key: { PK: 'OUTBOX#m4', SK: 'MAIL' } },
    ]);
  });

  it('ignores other items and other changes, and skips mail that was erased meanwhile', async () => {
    ddb.on(GetCommand).resolves({});
    const result = await worker()({
      Records: [record('EVENT#x', '1'), record('OUTBOX#m2', '2', 'REMOVE'), record('OUTBOX#gone', '3')],
    } as DynamoDBStreamEvent);
    expect(result).toEqual({ batchItemFailures: [] });
    expect(ddb.commandCalls(GetCommand).map((c) => c.args[0].input.Key)).toEqual([{ PK: 'OUTBOX#gone', SK: 'MAIL' }]);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    expect(ddb.commandCalls(DeleteCommand)).toHaveLength(0);
  });

  it('reports the first failed record so Lambda retries from it, keeping the mail in the outbox', async () => {
    ddb.on(GetCommand).callsFake((input: { Key: { PK: string } }) => ({ Item: mail(input.Key.PK.slice(7)) }));
    ses
      .on(SendEmailCommand)
      .resolvesOnce({ MessageId: 'ok' })
      .rejectsOnce(Object.assign(new Error('SES down'), { name: 'ServiceUnavailable' }));

    const result = await worker()({
      Records: [record('OUTBOX#a', '10'), record('OUTBOX#b', '11'), record('OUTBOX#c', '12')],
    } as DynamoDBStreamEvent);

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '11' }] });
    expect(ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input.Destination?.ToAddresses)).toEqual([
      ['a@example.org'],
      ['b@example.org'],
    ]);
    expect(ddb.commandCalls(DeleteCommand).map((c) => c.args[0].input.Key)).toEqual([{ PK: 'OUTBOX#a', SK: 'MAIL' }]);
  });
});
