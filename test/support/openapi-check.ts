import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Checks requests against GitHub's own OpenAPI description (@octokit/openapi, api.github.com):
 * the path and method exist, required query parameters are there, and the JSON body fits the
 * documented schema (required keys, no unknown keys, types, enums). A request our code makes
 * that GitHub would not accept must fail the test, not pass against a lenient fake.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minItems?: number;
};
type Parameter = { $ref?: string; name: string; in: string; required?: boolean };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema: Schema }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema: Schema }> }>;
};
type Spec = { paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };

export interface OpenApiMatch {
  /** The documented path template, e.g. /repos/{owner}/{repo}/pulls/{pull_number}. */
  route: string;
  operationId: string;
  errors: string[];
}

const require = createRequire(import.meta.url);
let cached: { spec: Spec; routes: { template: string; pattern: RegExp; literal: number }[] } | undefined;

function load() {
  if (cached) return cached;
  const spec = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Spec;
  const routes = Object.keys(spec.paths).map((template) => ({
    template,
    // `{path}` (repository contents) may hold slashes; every other parameter is one segment.
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => (name === 'path' ? '(.+)' : '([^/]+)'))}$`),
    literal: template.replace(/\{\w+\}/g, '').length,
  }));
  // Prefer the most literal template (/repos/{o}/{r}/issues/comments/{id} over .../issues/{n}/comments).
  routes.sort((a, b) => b.literal - a.literal);
  cached = { spec, routes };
  return cached;
}

/** Checks one request; `undefined` when GitHub documents no such path at all. */
export function checkAgainstOpenApi(method: string, path: string, query: URLSearchParams, body: unknown): OpenApiMatch | undefined {
  const { spec, routes } = load();
  const candidates = routes.filter((r) => r.pattern.test(path));
  if (candidates.length === 0) return undefined;
  const route = candidates.find((r) => spec.paths[r.template]![method.toLowerCase()]) ?? candidates[0]!;
  const operation = spec.paths[route.template]![method.toLowerCase()];
  if (!operation) return { route: route.template, operationId: '', errors: [`${method} is not documented for ${route.template}`] };
  const errors: string[] = [];
  for (const raw of operation.parameters ?? []) {
    const parameter = resolve(spec, raw) as Parameter;
    if (parameter.in === 'query' && parameter.required && !query.has(parameter.name)) errors.push(`query parameter "${parameter.name}" is required`);
  }
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  if (schema) {
    if (body === undefined) {
      if (operation.requestBody?.required) errors.push('a JSON body is required');
    } else {
      errors.push(...validate(spec, schema, body, 'body'));
    }
  } else if (body !== undefined && method !== 'GET') {
    errors.push('this operation takes no JSON body');
  }
  return { route: route.template, operationId: operation.operationId, errors };
}

/**
 * Checks a response the test server sends against the documented response schema of its status:
 * required keys present and types right (extra keys allowed, GitHub adds fields over time).
 */
export function checkResponseAgainstOpenApi(route: string, method: string, status: number, data: unknown): string[] {
  const { spec } = load();
  const response = spec.paths[route]?.[method.toLowerCase()]?.responses?.[String(status)];
  if (!response) return [`status ${status} is not documented for ${method} ${route}`];
  const schema = resolve(spec, response as { $ref?: string; content?: Record<string, { schema: Schema }> }).content?.['application/json']?.schema;
  return schema ? validate(spec, schema, data, 'response', { extraKeys: true }) : [];
}

function resolve<T>(spec: Spec, value: T & { $ref?: string }): T {
  let current: unknown = value;
  while (current && typeof current === 'object' && '$ref' in current && typeof current.$ref === 'string') {
    const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(current.$ref) ?? [];
    current = section && name ? spec.components[section]?.[name] : undefined;
  }
  return current as T;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function validate(spec: Spec, raw: Schema, value: unknown, at: string, options: { extraKeys?: boolean } = {}): string[] {
  const schema = resolve(spec, raw);
  if (!schema) return [];
  if (value === null && schema.nullable) return [];
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const results = alternatives.map((alt) => validate(spec, alt, value, at, options));
    if (results.some((r) => r.length === 0)) return [];
    // The alternative whose discriminator (an enum such as `type`) matched says what is wrong.
    const closest = results.find((r) => !r.some((error) => error.includes(' should be one of ')));
    return closest ?? [`${at} matches none of the documented alternatives (${results.map((r) => r[0]).join(' | ')})`];
  }
  if (schema.allOf) return schema.allOf.flatMap((part) => validate(spec, part, value, at, options));
  const actual = typeOf(value);
  if (actual === 'null') return schema.nullable || schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null')) ? [] : [`${at} may not be null`];
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 0 && !types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return [`${at} should be ${types.join('|')}, got ${actual}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at} should be one of ${schema.enum.join(', ')}, got ${String(value)}`];
  const errors: string[] = [];
  if (actual === 'array') {
    const items = value as unknown[];
    if (schema.minItems !== undefined && items.length < schema.minItems) errors.push(`${at} needs at least ${schema.minItems} items`);
    if (schema.items) items.forEach((item, i) => errors.push(...validate(spec, schema.items!, item, `${at}[${i}]`, options)));
  }
  if (actual === 'object' && (schema.properties || schema.required)) {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) errors.push(`${at}.${key} is required`);
    for (const [key, item] of Object.entries(object)) {
      const property = schema.properties?.[key];
      if (property) errors.push(...validate(spec, property, item, `${at}.${key}`, options));
      else if (!options.extraKeys && (schema.additionalProperties === undefined || schema.additionalProperties === false)) errors.push(`${at}.${key} is not a documented property`);
    }
  }
  return errors;
}
