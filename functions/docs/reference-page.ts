/** A readable, script-free API reference rendered from the OpenAPI document. */
import { html } from 'hono/html';
import type { OpenApiDocument } from './openapi.ts';

const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;

type Operation = {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
};

const anchor = (method: string, path: string) => `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-');

function operationSection(method: string, path: string, op: Operation) {
  const params = op.parameters ?? [];
  const responses = Object.entries(op.responses ?? {});
  return html`<section id="${anchor(method, path)}">
  <h2><code>${method.toUpperCase()} ${path}</code></h2>
  <p>${op.summary ?? ''}</p>
  ${
    params.length > 0
      ? html`<h3>Parameters</h3><table><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Schema</th></tr></thead><tbody>
    ${params.map((p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${JSON.stringify(p.schema)}</code></td></tr>`)}
    </tbody></table>`
      : ''
  }
  <h3>Responses</h3>
  <dl>${responses.map(
    ([status, r]) =>
      html`<dt>${status}</dt><dd>${r.description ?? ''}${Object.entries(r.content ?? {}).map(
        ([type, c]) =>
          html`<details><summary>${type}</summary><pre>${JSON.stringify(c.schema, null, 2)}</pre></details>`,
      )}</dd>`,
  )}</dl>
</section>`;
}

export async function renderReferencePage(doc: OpenApiDocument): Promise<string> {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    methods.flatMap((m) => {
      const op = (item as Record<string, Operation | undefined>)[m];
      return op ? [{ method: m, path, op }] : [];
    }),
  );
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} — reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}
code,pre{font-family:ui-monospace,monospace}pre{background:#f4f4f4;padding:.5rem;overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
section{border-top:1px solid #ccc;margin-top:1.5rem}</style></head>
<body><main><h1>${doc.info.title}</h1><p>${doc.info.description ?? ''}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${doc.openapi}).</p>
<nav aria-label="Operations"><ul>${operations.map(
    ({ method, path }) =>
      html`<li><a href="#${anchor(method, path)}"><code>${method.toUpperCase()} ${path}</code></a></li>`,
  )}</ul></nav>
${operations.map(({ method, path, op }) => operationSection(method, path, op))}
</main></body></html>`;
  return (await page).toString();
}
