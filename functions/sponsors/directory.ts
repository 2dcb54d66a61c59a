/**
 * The identity directory behind invitations: the account a sponsor member signs in with.
 * In AWS it is the Cognito user pool (which mails the temporary password itself); the local
 * twin passes its own OpenID provider's accounts.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

export type Directory = { ensureUser(email: string): Promise<{ sub: string }> };

/**
 * The user pool. The Cognito SDK is loaded with the first invitation (`client` may be a
 * function that makes the client then): no other request needs it.
 */
export function cognitoDirectory(
  source: CognitoIdentityProviderClient | (() => Promise<CognitoIdentityProviderClient>),
  userPoolId: string,
): Directory {
  const subOf = (attributes: { Name?: string; Value?: string }[] | undefined) =>
    attributes?.find((a) => a.Name === 'sub')?.Value;
  let made: Promise<CognitoIdentityProviderClient> | undefined;
  return {
    async ensureUser(email) {
      const { AdminCreateUserCommand, ListUsersCommand } = await import('@aws-sdk/client-cognito-identity-provider');
      made ??= typeof source === 'function' ? source() : Promise.resolve(source);
      const client = await made;
      const existing = await client.send(
        new ListUsersCommand({ UserPoolId: userPoolId, Filter: `email = "${email.replace(/["\\]/g, '')}"`, Limit: 1 }),
      );
      const found = subOf(existing.Users?.[0]?.Attributes);
      if (found) return { sub: found };
      const created = await client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: email,
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      const sub = subOf(created.User?.Attributes);
      if (!sub) throw new Error('Cognito created a user without a sub');
      return { sub };
    },
  };
}
