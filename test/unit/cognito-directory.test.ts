import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { cognitoDirectory } from '../../functions/sponsors/directory.ts';

const cognito = mockClient(CognitoIdentityProviderClient);

describe('the Cognito directory behind invitations', () => {
  afterEach(() => cognito.reset());

  it('returns the sub of an existing account, the client made on first use only', async () => {
    cognito.on(ListUsersCommand).resolves({ Users: [{ Attributes: [{ Name: 'sub', Value: 'sub-ana' }] }] });
    let made = 0;
    const directory = cognitoDirectory(async () => {
      made += 1;
      return new CognitoIdentityProviderClient({ region: 'eu-west-1' });
    }, 'pool');
    expect(made).toBe(0);
    expect(await directory.ensureUser('ana@example.org')).toEqual({ sub: 'sub-ana' });
    expect(await directory.ensureUser('ana@example.org')).toEqual({ sub: 'sub-ana' });
    expect(made).toBe(1);
    expect(cognito.commandCalls(ListUsersCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'pool',
      Filter: 'email = "ana@example.org"',
      Limit: 1,
    });
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(0);
  });

  it('creates the account, verified email, when there is none', async () => {
    cognito.on(ListUsersCommand).resolves({ Users: [] });
    cognito.on(AdminCreateUserCommand).resolves({ User: { Attributes: [{ Name: 'sub', Value: 'sub-ben' }] } });
    const directory = cognitoDirectory(new CognitoIdentityProviderClient({ region: 'eu-west-1' }), 'pool');
    expect(await directory.ensureUser('ben@example.org')).toEqual({ sub: 'sub-ben' });
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toMatchObject({
      UserPoolId: 'pool',
      Username: 'ben@example.org',
      DesiredDeliveryMediums: ['EMAIL'],
    });
  });
});
