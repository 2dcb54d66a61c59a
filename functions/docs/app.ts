import { createApp, type EdgeOptions } from '../core/app.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { renderReferencePage } from './reference-page.ts';

export function createDocsApp(options: { allowedOrigins?: string[]; edge?: EdgeOptions } = {}) {
  const app = createApp({ ...options.edge, allowedOrigins: options.allowedOrigins });
  const document = buildOpenApiDocument();
  const reference = renderReferencePage(document);

  app.get('/api/openapi.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(document);
  });
  app.get('/api/reference', async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(await reference);
  });
  return app;
}
