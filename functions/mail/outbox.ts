/**
 * The mail outbox: a use case writes an outbox item in the same transaction as its change;
 * the stream-driven worker sends it and removes it.
 *   PK=OUTBOX#<id>  SK=MAIL  entity=outbox
 */
import * as z from 'zod/mini';

/**
 * A file sent with a mail, its content base64 in the item (a QR code and an .ics are a few
 * kilobytes; the item stays far below DynamoDB's 400 KB). `contentId` makes it inline: the
 * HTML part shows it as `<img src="cid:…">`, which mail clients display (data: URIs many block).
 */
export const MailAttachment = z.object({
  filename: z.string().check(z.minLength(1), z.maxLength(100)),
  contentType: z.string().check(z.minLength(1), z.maxLength(100)),
  content: z.base64(),
  contentId: z.optional(z.string().check(z.maxLength(100))),
});
export type MailAttachment = z.infer<typeof MailAttachment>;

export const OutboxMail = z.object({
  id: z.string().check(z.minLength(1)),
  to: z.email(),
  subject: z.string().check(z.minLength(1), z.maxLength(300)),
  text: z.string().check(z.minLength(1)),
  html: z.optional(z.string()),
  attachments: z.optional(z.array(MailAttachment).check(z.maxLength(5))),
  language: z.enum(['en', 'fr']),
});
export type OutboxMail = z.infer<typeof OutboxMail>;

export const OUTBOX_PK_PREFIX = 'OUTBOX#';
export const outboxKey = (id: string) => ({ PK: `${OUTBOX_PK_PREFIX}${id}`, SK: 'MAIL' });
/** The outbox id in a partition key, or undefined when the key is not an outbox item's. */
export const outboxIdOf = (pk: string | undefined) =>
  pk?.startsWith(OUTBOX_PK_PREFIX) ? pk.slice(OUTBOX_PK_PREFIX.length) : undefined;

export const OUTBOX_ENTITY = 'outbox';

/** The item to put (inside the caller's transaction); `expiresAt` bounds how long it may linger. */
export function outboxItem(mail: OutboxMail, expiresAtEpochSeconds: number) {
  return { ...outboxKey(mail.id), entity: OUTBOX_ENTITY, ...mail, expiresAt: expiresAtEpochSeconds };
}
