/** Request headers the API reads: CORS lets browsers send them, CloudFront forwards them (infra/site-cdn.ts). */
export const API_REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'If-None-Match',
  'Idempotency-Key',
  'X-Search',
];

/** What a CORS preflight carries. */
export const CORS_REQUEST_HEADERS = ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers'];

/** Written by CloudFront (when the origin request policy asks for it): the viewer's `ip:port`. */
export const VIEWER_ADDRESS_HEADER = 'CloudFront-Viewer-Address';
