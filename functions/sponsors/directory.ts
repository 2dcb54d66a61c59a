/**
 * The identity directory behind invitations: the account a sponsor member signs in with.
 * In AWS it is the Cognito user pool (which mails the temporary password itself); the local
 * twin passes its own OpenID provider's accounts.
 */
import {
  AdminCreateUserCommand,
  type CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';

export type Directory = { ensureUser(email: string): Promise<{ sub: string }> };

export function cognitoDirectory(client: CognitoIdentityProviderClient, userPoolId: string): Directory {
  const subOf = (attributes: { Name?: string; Value?: string }[] | undefined) =>
    attributes?.find((a) => a.Name === 'sub')?.Value;
  return {
    async ensureUser(email) {
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
