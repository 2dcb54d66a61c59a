/**
 * Limits are configuration: each is read once at start from the environment (set by CDK from
 * the stage settings, or by whoever runs `npm start`), and a value that is not a whole
 * number of at least 1 stops the start with a message naming the variable.
 */
import { describe, expect, it } from 'vitest';
import { registrationLimitsFromEnv } from '../../functions/registrations/limits.ts';
import { invitationLimitFromEnv } from '../../functions/sponsors/limits.ts';

describe('limit settings', () => {
  it('defaults to 20 sign-ups a minute per client address, 5 an hour per email, 30 invitations an hour', () => {
    expect(registrationLimitsFromEnv({})).toEqual({
      perClient: { scope: 'register-client', limit: 20, windowSeconds: 60 },
      perEmail: { scope: 'register-email', limit: 5, windowSeconds: 3600 },
    });
    expect(invitationLimitFromEnv({})).toEqual({ scope: 'invite', limit: 30, windowSeconds: 3600 });
    // An empty value is no value (`SIGNUP_LIMIT_PER_CLIENT= npm start`).
    expect(registrationLimitsFromEnv({ SIGNUP_LIMIT_PER_CLIENT: '' }).perClient.limit).toBe(20);
  });

  it('takes each limit from its variable, keeping the windows', () => {
    expect(registrationLimitsFromEnv({ SIGNUP_LIMIT_PER_CLIENT: '200', SIGNUP_LIMIT_PER_EMAIL: ' 3 ' })).toEqual({
      perClient: { scope: 'register-client', limit: 200, windowSeconds: 60 },
      perEmail: { scope: 'register-email', limit: 3, windowSeconds: 3600 },
    });
    expect(invitationLimitFromEnv({ INVITATIONS_PER_HOUR: '12' })).toEqual({
      scope: 'invite',
      limit: 12,
      windowSeconds: 3600,
    });
  });

  it('refuses anything but a whole number of at least 1, naming the variable', () => {
    for (const value of ['abc', '0', '-3', '2.5', '1e3', '20 per minute', '0x10', 'Infinity', '99999999999999999999']) {
      expect(() => registrationLimitsFromEnv({ SIGNUP_LIMIT_PER_CLIENT: value }), value).toThrow(
        `SIGNUP_LIMIT_PER_CLIENT must be a whole number of at least 1, not "${value}"`,
      );
    }
    expect(() => registrationLimitsFromEnv({ SIGNUP_LIMIT_PER_EMAIL: 'five' })).toThrow(
      'SIGNUP_LIMIT_PER_EMAIL must be a whole number of at least 1, not "five"',
    );
    expect(() => invitationLimitFromEnv({ INVITATIONS_PER_HOUR: 'many' })).toThrow(
      'INVITATIONS_PER_HOUR must be a whole number of at least 1, not "many"',
    );
  });
});
