/**
 * Sign-in for organisers, staff and sponsor members: a Cognito user pool (no passwords
 * stored by us), groups for roles, a public app client for the site (code + PKCE), and a
 * managed-login domain. Sponsor membership is data in our table, not a group.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ContextFunction } from './context-function.ts';

export const ROLE_GROUPS = ['organisers', 'staff'] as const;

export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly siteClient: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  readonly preToken: ContextFunction;

  constructor(
    scope: Construct,
    id: string,
    props: { siteUrl: string; domainPrefix: string; logRetention: logs.RetentionDays },
  ) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // Every account here can change the agenda, approve people or edit an exhibitor.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Access tokens carry the email, as the API reads it (the local provider does the same).
    this.preToken = new ContextFunction(this, 'PreToken', {
      entry: 'functions/identity/pre-token.ts',
      description: 'Adds the email to Cognito access tokens',
      logRetention: props.logRetention,
    });
    this.userPool.addTrigger(
      cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.preToken.fn,
      cognito.LambdaVersion.V2_0,
    );
    for (const group of ROLE_GROUPS) {
      new cognito.CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: this.userPool.userPoolId, groupName: group });
    }
    this.siteClient = this.userPool.addClient('Site', {
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      authFlows: { user: false, userSrp: false, userPassword: false, adminUserPassword: false, custom: false },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [
          `${props.siteUrl}/portal/`,
          `${props.siteUrl}/console/`,
          `${props.siteUrl}/console/sponsors/`,
          `${props.siteUrl}/fr/console/sponsors/`,
          `${props.siteUrl}/console/agenda/`,
          `${props.siteUrl}/fr/console/agenda/`,
        ],
        logoutUrls: [`${props.siteUrl}/`],
      },
    });
    this.domain = this.userPool.addDomain('Login', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    new cognito.CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.siteClient.userPoolClientId,
      useCognitoProvidedValues: true,
    });
  }

  get issuer(): string {
    return `https://cognito-idp.${this.userPool.stack.region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
