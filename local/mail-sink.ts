/**
 * An SES-compatible local mail sink: the SES v2 SendEmail call the mail worker makes lands
 * here, and people read the messages at /_local/mail (HTML) and /_local/mail.json.
 */

import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Hono } from 'hono';
import { html } from 'hono/html';

export type SentMail = {
  id: string;
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  sentAt: string;
};

type SendEmailBody = {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[] };
  Content?: { Simple?: { Subject?: { Data?: string }; Body?: { Text?: { Data?: string }; Html?: { Data?: string } } } };
};

export class MailSink {
  private readonly messages: SentMail[];
  private readonly file: string | undefined;

  constructor(file?: string) {
    this.file = file;
    this.messages = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SentMail[]) : [];
  }

  /** Newest first. */
  list(): SentMail[] {
    return [...this.messages].reverse();
  }

  accept(body: SendEmailBody): SentMail {
    const simple = body.Content?.Simple;
    const mail: SentMail = {
      id: randomUUID(),
      to: body.Destination?.ToAddresses ?? [],
      from: body.FromEmailAddress ?? '',
      subject: simple?.Subject?.Data ?? '',
      text: simple?.Body?.Text?.Data ?? '',
      html: simple?.Body?.Html?.Data ?? null,
      sentAt: new Date().toISOString(),
    };
    this.messages.push(mail);
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify(this.messages.slice(-500), null, 2));
    }
    return mail;
  }

  routes() {
    const app = new Hono();
    app.post('/_local/ses/v2/email/outbound-emails', async (c) => {
      const body = (await c.req.json()) as SendEmailBody;
      if (!body.Destination?.ToAddresses?.length || !body.Content?.Simple) {
        return c.json({ message: 'Destination.ToAddresses and Content.Simple are required' }, 400);
      }
      return c.json({ MessageId: this.accept(body).id });
    });
    app.get('/_local/mail.json', (c) =>
      c.json(
        this.list().map(({ to, subject, text, html: body, sentAt }) => ({
          to: to.join(', '),
          subject,
          text,
          html: body,
          sentAt,
        })),
      ),
    );
    app.get('/_local/mail', (c) =>
      c.html(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Local mail</title></head>
<body><main><h1>Local mail (${this.messages.length})</h1>
<p>Messages the platform sent while running locally, newest first. <a href="/_local/mail.json">JSON</a></p>
${this.list().map(
  (m) =>
    html`<article><h2>${m.subject}</h2><p>To ${m.to.join(', ')} · from ${m.from} · <time datetime="${m.sentAt}">${m.sentAt}</time></p><pre style="white-space:pre-wrap">${m.text}</pre></article><hr>`,
)}
</main></body></html>`),
    );
    return app;
  }
}
