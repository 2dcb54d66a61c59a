import { createApp, type EdgeOptions } from '../core/app.ts';
import type { OpenApiDocument } from './openapi.ts';
import { renderReferencePage } from './reference-page.ts';

export type DocsOptions = { allowedOrigins?: string[]; edge?: EdgeOptions };

/**
 * The docs app serving `document`: generated at build time for the Lambda (infra/bundling.ts
 * writes it next to the bundle), at start for the local twin and tests (`app.ts`).
 */
export function createDocsAppFor(document: OpenApiDocument, options: DocsOptions = {}) {
  const app = createApp({ ...options.edge, allowedOrigins: options.allowedOrigins });
  // Rendered with the first request for it, not at cold start.
  let reference: Promise<string> | undefined;

  app.get('/api/openapi.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(document);
  });
  app.get('/api/reference', async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    reference ??= renderReferencePage(document);
    return c.html(await reference);
  });
  return app;
}
