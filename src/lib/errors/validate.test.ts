import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateJson } from './validate.ts';

const Schema = z.object({ pull: z.object({ number: z.number() }), reviews: z.array(z.object({ state: z.string() })) });

describe('validateJson', () => {
  it('names the line and column of a syntax error, in Indonesian', () => {
    const result = validateJson(Schema, '{\n  "pull": {"number": 1},\n  "reviews" []\n}', 'pr.json');
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ file: 'pr.json', line: 3, column: 13, message: 'bukan JSON yang sah: ada tanda yang tidak semestinya di sini.' })],
    });
  });

  it('says a truncated file is truncated, at its last line', () => {
    const result = validateJson(Schema, '{\n  "pull": {"number": 1},\n  "reviews": [', 'pr.json', 'Isinya: {"pull": …}.');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ line: 3, message: 'bukan JSON yang sah: berkasnya terpotong, berakhir sebelum semua kurung ditutup.' });
    expect(result.problems[0]!.fix).toMatch(/Isinya: \{"pull": …\}\.$/);
  });

  it('names the line of a wrong value and speaks of JSON lists, not YAML ones', () => {
    const result = validateJson(Schema, '{\n  "pull": {"number": 1},\n  "reviews": {"state": "APPROVED"}\n}', 'pr.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 3, field: 'reviews', message: 'harus daftar ([…]), bukan objek.' }),
    ]);
  });

  it('accepts a byte-order mark', () => {
    expect(validateJson(Schema, '\uFEFF{"pull": {"number": 1}, "reviews": []}', 'pr.json').ok).toBe(true);
  });
});
