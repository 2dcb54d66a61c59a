import { buildOpenApiDocument } from './openapi.ts';
import { createDocsAppFor, type DocsOptions } from './serve.ts';

/** The docs app with the document generated now, from every context's route contracts. */
export function createDocsApp(options: DocsOptions = {}) {
  return createDocsAppFor(buildOpenApiDocument(), options);
}
