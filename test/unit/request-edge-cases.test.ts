/**
 * Requests a client may send but no form does: a body in a media type the route does not
 * read, and a version number too large to be exact. Each gets its own clear problem, not a
 * 400 of a generic kind or a 500 from DynamoDB.
 */
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { agendaApp, registrationsApp } from '../support/apps.ts';
import { testIssuer } from '../support/tokens.ts';

const ddb = mockClient(DynamoDBDocumentClient);
beforeEach(() => ddb.reset());
afterAll(() => ddb.restore());

describe('a body in a media type the route does not read', () => {
  it.each([
    ['text/plain', 'ana@example.org'],
    ['application/x-www-form-urlencoded', 'email=ana%40example.org'],
  ])('gets 415 naming the type to send (%s), and nothing is read or written', async (type, body) => {
    const response = await registrationsApp().request('/api/events/e1/registrations/resend-link', {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    expect({
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.json(),
    }).toEqual({
      status: 415,
      type: 'application/problem+json',
      body: {
        type: '/problems/unsupported-media-type',
        title: 'Unsupported Media Type',
        status: 415,
        detail: 'Send the body as application/json.',
      },
    });
    expect(ddb.calls()).toEqual([]);
  });
});

describe('an If-Match version too large to be exact', () => {
  it.each(['"9007199254740991"', '"1000000000000000"'])('gets 400 for %s before anything is read', async (ifMatch) => {
    const issuer = await testIssuer();
    const token = await issuer.sign({ sub: 'organiser-sub', email: 'organiser@example.org', groups: ['organisers'] });
    const response = await agendaApp({ verifyToken: issuer.verifyToken }).request(
      '/api/events/e1/speakers/amara-diallo',
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': ifMatch },
        body: JSON.stringify({ name: 'Amara Diallo', organisation: { en: 'Customs' } }),
      },
    );
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: {
        type: '/problems/bad-request',
        title: 'Bad Request',
        status: 400,
        detail: 'The request header is not valid.',
        errors: [{ path: 'if-match', message: 'Use the ETag of the version you edited, such as "3"' }],
      },
    });
    expect(ddb.calls()).toEqual([]);
  });

  it('still sends a version of 15 digits to DynamoDB exactly, as the condition of the write', async () => {
    ddb.onAnyCommand().resolves({});
    const issuer = await testIssuer();
    const token = await issuer.sign({ sub: 'organiser-sub', email: 'organiser@example.org', groups: ['organisers'] });
    const response = await agendaApp({ verifyToken: issuer.verifyToken }).request(
      '/api/events/e1/speakers/amara-diallo',
      {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'if-match': '"999999999999999"',
        },
        body: JSON.stringify({ name: 'Amara Diallo', organisation: { en: 'Customs' } }),
      },
    );
    const [write] = ddb.commandCalls(TransactWriteCommand);
    expect({
      status: response.status,
      condition: write?.args[0].input.TransactItems?.[0]?.Put?.ExpressionAttributeValues,
    }).toEqual({ status: 200, condition: { ':expected': 999_999_999_999_999 } });
  });
});
