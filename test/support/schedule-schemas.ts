/**
 * The upstream schedule schemas (frab XSD, c3voc JSON schema), read from the shared folder
 * beside the checkout. Tests fail with a clear message when it is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

const SCHEMAS_DIR = join(process.cwd(), '..', 'shared', 'schemas');

function readSchema(name: string): string {
  const path = join(SCHEMAS_DIR, name);
  if (!existsSync(path)) {
    throw new Error(
      `The upstream schema ${name} is missing: expected it at ${path} (the shared/schemas folder beside the ` +
        'project checkout). The schedule export tests validate against it and cannot run without it.',
    );
  }
  return readFileSync(path, 'utf8');
}

/** Errors of schedule.xml against the frab/pentabarf XSD (empty when valid). */
export async function scheduleXmlErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'schedule.xml', contents: xml }],
    schema: [{ fileName: 'schedule.xml.xsd', contents: readSchema('schedule.xml.xsd') }],
  });
  return result.errors.map((e) => e.message);
}

/** Errors of schedule.json against the c3voc JSON schema (empty when valid). */
export function scheduleJsonErrors(json: unknown): string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats.default(ajv);
  // The schema uses a `color` format that ajv-formats does not define: a CSS hex colour.
  ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
  const validate = ajv.compile(JSON.parse(readSchema('schedule.schema.json')));
  return validate(json) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
