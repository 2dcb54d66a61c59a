import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/identity/pre-token.ts';

describe('Cognito pre-token trigger', () => {
  it('adds the lower-cased email to the access token', async () => {
    const event = await handler({
      request: { userAttributes: { email: 'Organiser@Example.org', sub: 'x' } },
      response: {},
    });
    expect(event.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { email: 'organiser@example.org' } },
    });
  });
});
