/** How many invitations an organiser may send, counted in the table; INVITATIONS_PER_HOUR sets the number. */
import type { RateRule } from '../core/rate-limit.ts';
import { type Env, positiveIntegerSetting } from '../core/settings.ts';

/** Each invitation sends a mail: an organiser may send 30 an hour. */
export const INVITATIONS_PER_HOUR: RateRule = { scope: 'invite', limit: 30, windowSeconds: 3600 };

/** The limit from the environment, the default where unset; throws on a value that is not a whole number ≥ 1. */
export function invitationLimitFromEnv(env: Env = process.env): RateRule {
  return {
    ...INVITATIONS_PER_HOUR,
    limit: positiveIntegerSetting(env, 'INVITATIONS_PER_HOUR', INVITATIONS_PER_HOUR.limit),
  };
}
