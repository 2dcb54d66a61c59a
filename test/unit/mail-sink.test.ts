/** The local mail sink: what SES would receive, shown at /_local/mail and /_local/mail.json. */
import { describe, expect, it } from 'vitest';
import { MailSink } from '../../local/mail-sink.ts';

describe('local mail sink', () => {
  it('keeps the JSON contract, lists attachments and shows the HTML with its inline image', async () => {
    const sink = new MailSink();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64');
    const app = sink.routes();
    const sent = await app.request('/_local/ses/v2/email/outbound-emails', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        FromEmailAddress: 'no-reply@example.org',
        Destination: { ToAddresses: ['ana@example.org'] },
        Content: {
          Simple: {
            Subject: { Data: 'Registration confirmed' },
            Body: { Text: { Data: 'Code K7M2P9XQ' }, Html: { Data: '<p>Code</p><img src="cid:qr-1@conference">' } },
            Attachments: [
              {
                FileName: 'check-in-code.png',
                ContentType: 'image/png',
                ContentId: 'qr-1@conference',
                RawContent: png,
              },
              {
                FileName: 'event.ics',
                ContentType: 'text/calendar',
                RawContent: Buffer.from('BEGIN:VCALENDAR').toString('base64'),
              },
            ],
          },
        },
      }),
    });
    expect(sent.status).toBe(200);
    const list = (await (await app.request('/_local/mail.json')).json()) as Record<string, unknown>[];
    expect(list).toEqual([
      {
        to: 'ana@example.org',
        subject: 'Registration confirmed',
        text: 'Code K7M2P9XQ',
        html: '<p>Code</p><img src="cid:qr-1@conference">',
        attachments: [
          { filename: 'check-in-code.png', contentType: 'image/png', size: 4 },
          { filename: 'event.ics', contentType: 'text/calendar', size: 15 },
        ],
        sentAt: expect.any(String),
      },
    ]);
    const page = await (await app.request('/_local/mail')).text();
    expect(page).toContain(`data:image/png;base64,${png}`);
    expect(page).toContain('event.ics');
    const id = sink.list()[0]?.id;
    const file = await app.request(`/_local/mail/${id}/1`);
    expect([file.status, await file.text()]).toEqual([200, 'BEGIN:VCALENDAR']);
  });
});
