/**
 * Sign-up limits (per client address, per email), counted in the table by core/rate-limit.ts.
 * The numbers are configuration: SIGNUP_LIMIT_PER_CLIENT and SIGNUP_LIMIT_PER_EMAIL, set by
 * CDK from the stage settings, or by whoever runs `npm start`.
 */
import type { RateRule } from '../core/rate-limit.ts';
import { type Env, positiveIntegerSetting } from '../core/settings.ts';

export type RegistrationLimits = {
  perClient: RateRule;
  perEmail: RateRule;
  /** "Send me my link": per client address (429) and per address (silently no mail). */
  resendPerClient?: RateRule;
  resendPerEmail?: RateRule;
};

/** Lost links: 10 requests a minute per client address, 3 mails an hour per address. */
export const RESEND_LIMITS = {
  resendPerClient: { scope: 'resend-client', limit: 10, windowSeconds: 60 },
  resendPerEmail: { scope: 'resend-email', limit: 3, windowSeconds: 3600 },
} satisfies Partial<RegistrationLimits>;

/**
 * Unauthenticated writes: 20 sign-up attempts a minute per client address; 5 notices an hour
 * to an address someone tries to register again (its own sign-up mail is bounded by the
 * email lock: one registration per address and event).
 */
export const DEFAULT_LIMITS: RegistrationLimits = {
  perClient: { scope: 'register-client', limit: 20, windowSeconds: 60 },
  perEmail: { scope: 'register-email', limit: 5, windowSeconds: 3600 },
};

/** The limits from the environment, the defaults where unset; throws on a value that is not a whole number ≥ 1. */
export function registrationLimitsFromEnv(env: Env = process.env): RegistrationLimits {
  const { perClient, perEmail } = DEFAULT_LIMITS;
  return {
    perClient: { ...perClient, limit: positiveIntegerSetting(env, 'SIGNUP_LIMIT_PER_CLIENT', perClient.limit) },
    perEmail: { ...perEmail, limit: positiveIntegerSetting(env, 'SIGNUP_LIMIT_PER_EMAIL', perEmail.limit) },
  };
}
