/**
 * The site's content security policy and companion headers, set by CloudFront in AWS and
 * by the local twin's server, so pages are tested under the policy they ship with.
 */
export function contentSecurityPolicy(authOrigins: string[] = []): string {
  const auth = authOrigins.join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Astro inlines small component styles into the page.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${auth}`.trim(),
    `form-action 'self' ${auth}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
