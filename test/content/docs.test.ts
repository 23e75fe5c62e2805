// docs/menulis-konten.md is the authors' reference: every frontmatter field of every type must be
// explained there, so adding a field to the schema without documenting it fails here.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ITEM_SCHEMAS } from '../../src/lib/content/schema.ts';
import { CONTENT_TYPES } from '../../src/lib/content/types.ts';

/** Every key of an object schema and of the objects nested in it (through optional, arrays…). */
function fieldNames(schema: z.core.$ZodType): string[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      return Object.entries(shape).flatMap(([key, value]) => [key, ...fieldNames(value)]);
    }
    case 'optional':
    case 'default':
    case 'nullable':
      return fieldNames(def.innerType as z.core.$ZodType);
    case 'array':
      return fieldNames(def.element as z.core.$ZodType);
    case 'pipe':
      return fieldNames(def.in as z.core.$ZodType);
    default:
      return [];
  }
}

describe('docs/menulis-konten.md', () => {
  it.each(CONTENT_TYPES)('documents every field of %s', async (jenis) => {
    const guide = await readFile(new URL('../../docs/menulis-konten.md', import.meta.url), 'utf8');
    expect(guide).toContain(`### \`${jenis}\``);
    const missing = [...new Set(fieldNames(ITEM_SCHEMAS[jenis]))].filter((field) => !guide.includes(`\`${field}\``) && !guide.includes(`${field}:`));
    expect(missing).toEqual([]);
  });
});
