/**
 * "Send me my link": whoever asks gets the same 202 and the same body, and the work done is
 * alike (a limit counted for the address, a look-up) whether or not the address is
 * registered; only a running registration's address gets mail, with a fresh manage link.
 * The per-client limit (429) is the route's; the per-address limit is silent here, so it
 * tells nothing about the address either.
 */
import { RateLimitedError } from '../core/errors.ts';
import type { RateLimiter, RateRule } from '../core/rate-limit.ts';
import type { Clock } from './deps.ts';
import { hasEnded, type OutboxItem, type StoredRegistration } from './keys.ts';
import { type LifecycleDeps, mailContext } from './lifecycle.ts';
import { mintLink } from './links.ts';
import { attendeeMailItem } from './mails.ts';

export interface ResendStore {
  registrationIdByEmail(eventId: string, email: string): Promise<string | undefined>;
  get(id: string): Promise<StoredRegistration | undefined>;
  addManageToken(reg: StoredRegistration, tokenHash: string, mail: OutboxItem): Promise<void>;
}

export type ResendDeps = Pick<LifecycleDeps, 'events' | 'categories' | 'siteUrl'> & {
  store: ResendStore;
  limit: RateLimiter;
  perEmail: RateRule;
  now: Clock;
};

export const RESEND_ANSWER = {
  message: 'If this address is registered for the event, we have mailed it the link to its registration.',
};

/** Returns whether a mail was queued (for tests and logs; never for the caller). */
export async function resendLink(deps: ResendDeps, eventId: string, email: string): Promise<boolean> {
  const address = email.trim().toLowerCase();
  try {
    await deps.limit(deps.perEmail, `${eventId}:${address}`);
  } catch (error) {
    if (error instanceof RateLimitedError) return false;
    throw error;
  }
  const id = await deps.store.registrationIdByEmail(eventId, address);
  const reg = id ? await deps.store.get(id) : undefined;
  if (!reg || hasEnded(reg.status)) return false;
  const ctx = await mailContext(deps, reg.eventId, reg.categoryId);
  const link = mintLink(deps.siteUrl, reg);
  await deps.store.addManageToken(
    reg,
    link.hash,
    attendeeMailItem(deps.now(), reg, 'link', ctx, { manageUrl: link.url }),
  );
  return true;
}
