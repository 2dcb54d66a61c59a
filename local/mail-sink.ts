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
  attachments?: StoredAttachment[];
  sentAt: string;
};

/** An attachment as the sink keeps it: the content base64, for viewing and download. */
type StoredAttachment = { filename: string; contentType: string; size: number; contentId?: string; content: string };

type SesAttachment = { FileName?: string; ContentType?: string; ContentId?: string; RawContent?: string };

type SendEmailBody = {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[] };
  Content?: {
    Simple?: {
      Subject?: { Data?: string };
      Body?: { Text?: { Data?: string }; Html?: { Data?: string } };
      Attachments?: SesAttachment[];
    };
  };
};

/** The HTML part with its cid: images replaced by data: URIs, so the local page can show it. */
function withInlineImages(mail: SentMail): string {
  let body = mail.html ?? '';
  for (const a of mail.attachments ?? []) {
    if (a.contentId) body = body.replaceAll(`cid:${a.contentId}`, `data:${a.contentType};base64,${a.content}`);
  }
  return body;
}

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
      // The SDK sends RawContent base64 in the JSON body, as SES receives it.
      attachments: (simple?.Attachments ?? []).map((a) => ({
        filename: a.FileName ?? 'attachment',
        contentType: a.ContentType ?? 'application/octet-stream',
        size: Buffer.from(a.RawContent ?? '', 'base64').length,
        ...(a.ContentId ? { contentId: a.ContentId } : {}),
        content: a.RawContent ?? '',
      })),
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
        this.list().map(({ to, subject, text, html: body, attachments, sentAt }) => ({
          to: to.join(', '),
          subject,
          text,
          html: body,
          attachments: (attachments ?? []).map(({ filename, contentType, size }) => ({ filename, contentType, size })),
          sentAt,
        })),
      ),
    );
    app.get('/_local/mail/:id/:index', (c) => {
      const mail = this.messages.find((m) => m.id === c.req.param('id'));
      const attachment = mail?.attachments?.[Number(c.req.param('index'))];
      if (!attachment) return c.text('No such attachment', 404);
      return c.body(Buffer.from(attachment.content, 'base64'), 200, {
        'Content-Type': attachment.contentType,
        'Content-Disposition': `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, '_')}"`,
      });
    });
    app.get('/_local/mail', (c) =>
      c.html(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Local mail</title></head>
<body><main><h1>Local mail (${this.messages.length})</h1>
<p>Messages the platform sent while running locally, newest first. <a href="/_local/mail.json">JSON</a></p>
${this.list().map(
  (m) =>
    html`<article><h2>${m.subject}</h2><p>To ${m.to.join(', ')} · from ${m.from} · <time datetime="${m.sentAt}">${m.sentAt}</time></p>
${m.html ? html`<iframe title="${m.subject}" sandbox srcdoc="${withInlineImages(m)}" style="width:100%;height:640px;border:1px solid #ccc"></iframe>` : ''}
${(m.attachments ?? []).length > 0 ? html`<ul>${(m.attachments ?? []).map((a, i) => html`<li><a href="/_local/mail/${m.id}/${i}" download="${a.filename}">${a.filename}</a> (${a.contentType}, ${a.size} bytes)</li>`)}</ul>` : ''}
<details${m.html ? '' : ' open'}><summary>Text part</summary><pre style="white-space:pre-wrap">${m.text}</pre></details></article><hr>`,
)}
</main></body></html>`),
    );
    return app;
  }
}
