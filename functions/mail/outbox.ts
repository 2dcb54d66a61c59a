/**
 * The mail outbox: a use case writes an outbox item in the same transaction as its change;
 * the stream-driven worker sends it and removes it.
 *   PK=OUTBOX#<id>  SK=MAIL  entity=outbox
 */
import { z } from 'zod';

export const OutboxMail = z.object({
  id: z.string().min(1),
  to: z.email(),
  subject: z.string().min(1).max(300),
  text: z.string().min(1),
  html: z.string().optional(),
  language: z.enum(['en', 'fr']),
});
export type OutboxMail = z.infer<typeof OutboxMail>;

export const outboxKey = (id: string) => ({ PK: `OUTBOX#${id}`, SK: 'MAIL' });

export const OUTBOX_ENTITY = 'outbox';

/** The item to put (inside the caller's transaction); `expiresAt` bounds how long it may linger. */
export function outboxItem(mail: OutboxMail, expiresAtEpochSeconds: number) {
  return { ...outboxKey(mail.id), entity: OUTBOX_ENTITY, ...mail, expiresAt: expiresAtEpochSeconds };
}
