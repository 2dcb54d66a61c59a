/**
 * Cognito pre-token-generation trigger (v2): puts the user's email into the access token,
 * which the API reads as the local provider's tokens carry it.
 */
type PreTokenEventV2 = {
  request: { userAttributes: Record<string, string> };
  response: { claimsAndScopeOverrideDetails?: unknown };
};

export const handler = async (event: PreTokenEventV2): Promise<PreTokenEventV2> => {
  const email = event.request.userAttributes.email;
  event.response.claimsAndScopeOverrideDetails = {
    accessTokenGeneration: { claimsToAddOrOverride: email ? { email: email.toLowerCase() } : {} },
  };
  return event;
};
