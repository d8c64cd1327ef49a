/** Just enough of an OpenAPI 3 document to check its answers. */
interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const ENVELOPE = ['items', 'page', 'pageSize', 'total'];

/**
 * What breaks the one list envelope `{ items, total, page, pageSize }` (issue 16)
 * or leaves an answer undeclared, as "METHOD path: problem" lines:
 * - a 200/201 answer without a schema (but /health, /metrics);
 * - a GET answering a top-level array, or an object with a top-level `entries`;
 * - an answer with a `total` that is not exactly the envelope (items an array);
 * - a GET taking `page` or `pageSize` that does not answer the envelope.
 */
export function listEnvelopeProblems(document: OpenApiDocument): string[] {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (!schema?.$ref) return schema;
    return resolve(schemas[schema.$ref.replace('#/components/schemas/', '')]);
  };
  const problems: string[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    if (path.startsWith('/health') || path === '/metrics') continue;
    for (const [method, operation] of Object.entries(operations)) {
      const where = `${method.toUpperCase()} ${path}`;
      const success = Object.entries(operation.responses ?? {}).filter(([status]) => status === '200' || status === '201');
      if (!success.length) problems.push(`${where}: no 200/201 answer declared`);
      for (const [status, response] of success) {
        // A page to read or print (text/html) or a file (an .xlsx workbook) is declared by its own media type; every other answer is JSON.
        if (!response.content?.['application/json'] && Object.keys(response.content ?? {}).some((type) => type === 'text/html' || type.startsWith('application/vnd.openxmlformats'))) continue;
        const schema = resolve(response.content?.['application/json']?.schema);
        if (!schema) {
          problems.push(`${where}: ${status} has no schema`);
          continue;
        }
        const keys = Object.keys(schema.properties ?? {}).sort();
        const paged = (operation.parameters ?? []).some((p) => p.in === 'query' && (p.name === 'page' || p.name === 'pageSize'));
        const envelope = keys.join() === ENVELOPE.join() && resolve(schema.properties?.['items'])?.type === 'array';
        if (method === 'get' && schema.type === 'array') problems.push(`${where}: answers a bare array, not { items, total, page, pageSize }`);
        if (keys.includes('entries')) problems.push(`${where}: answers "entries", not "items"`);
        if (keys.includes('total') && !envelope) problems.push(`${where}: a list answer must be exactly { items, total, page, pageSize }, not { ${keys.join(', ')} }`);
        if (method === 'get' && paged && !envelope) problems.push(`${where}: takes page/pageSize but does not answer { items, total, page, pageSize }`);
      }
    }
  }
  return problems;
}

export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  enum?: string[];
  required?: string[];
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  nullable?: boolean;
}

/** The name of the schema a route answers with (status '200' unless given): `answerOf(doc, 'get', '/agents')` → 'AgentViewPage'. */
export function answerOf(document: OpenApiDocument, method: string, path: string, status = '200'): string | undefined {
  const responses = document.paths[path]?.[method]?.responses as Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> | undefined;
  return responses?.[status]?.content?.['application/json']?.schema?.$ref?.replace('#/components/schemas/', '');
}

/** The document's schemas by name. */
export const schemasOf = (document: OpenApiDocument) => (document.components?.schemas ?? {}) as Record<string, OpenApiSchema>;
