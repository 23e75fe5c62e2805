import { describe, expect, it } from 'vitest';
import { loadDictionary } from './dictionary.ts';

describe('dictionary suggestions', () => {
  it('suggests corrections for a misspelt word', () => {
    expect(loadDictionary().suggest('pelyanan')).toContain('pelayanan');
  });

  it.each([
    ['melakukukan', 'melakukan'],
    ['pelaksanaaan', 'pelaksanaan'],
    ['kegaitan', 'kegiatan'],
    ['kegitan', 'kegiatan'],
    ['pembangnan', 'pembangunan'],
    ['pembentukandaerah', 'pembentukan daerah'],
  ])('puts the fix of a simple slip first: %s → %s', (written, fixed) => {
    expect(loadDictionary().suggest(written)[0]).toBe(fixed);
  });

  it('asks for no suggestion for a token far longer than any word (a pasted base64 blob would take minutes)', () => {
    expect(loadDictionary().suggest('iVBORw0KGgo'.repeat(300))).toEqual([]);
  });
});
