import { z } from 'zod';

const zodDefaultMessage = z.locales.en().localeError;

/** A schema's own `error:` text (already Indonesian) wins over our generic wording. */
export function customMessage(issue: z.core.$ZodIssue): string | undefined {
  const fallback = zodDefaultMessage(issue as Parameters<typeof zodDefaultMessage>[0]);
  const text = typeof fallback === 'string' ? fallback : fallback?.message;
  return issue.message && issue.message !== text ? issue.message : undefined;
}

/**
 * Turns a zod issue into plain Indonesian for office staff: what is wrong with the value and
 * what to write instead. Schemas may set their own message (`error:`) for domain rules; those
 * pass through untouched. One parser for every schema (config, content, snapshot).
 */
/** YAML files are edited by office staff; JSON files (snapshots, records) come from programs. */
export type Syntax = 'yaml' | 'json';

export function describeIssue(issue: z.core.$ZodIssue, syntax: Syntax = 'yaml'): { message: string; fix?: string } {
  const describeType = (expected: string) => (syntax === 'json' ? JSON_TYPE_NAMES : YAML_TYPE_NAMES)[expected] ?? expected;
  const custom = customMessage(issue);
  if (custom !== undefined) return { message: custom };
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        return {
          message: 'wajib diisi, tetapi tidak ada.',
          fix: `tambahkan kolom ini dengan ${describeType(issue.expected)}.`,
        };
      }
      return {
        message: `harus ${describeType(issue.expected)}, bukan ${describeValue(issue.input, syntax)}.`,
        fix: `tulis ${describeType(issue.expected)}.`,
      };
    }
    case 'invalid_value':
      return {
        message: `nilai ${describeValue(issue.input)} tidak dikenal.`,
        fix: `pilih salah satu: ${issue.values.map((v) => String(v)).join(', ')}.`,
      };
    case 'too_small':
      return issue.origin === 'array'
        ? { message: `minimal berisi ${issue.minimum} butir.`, fix: 'tambahkan butir yang kurang.' }
        : issue.origin === 'string'
          ? issue.minimum === 1
            ? { message: 'tidak boleh kosong.', fix: 'isi dengan teks.' }
            : { message: `minimal ${issue.minimum} karakter.`, fix: 'tulis lebih lengkap.' }
          : { message: `minimal ${issue.minimum}.`, fix: `tulis angka ${issue.minimum} atau lebih.` };
    case 'too_big':
      return issue.origin === 'array'
        ? { message: `paling banyak ${issue.maximum} butir.`, fix: 'kurangi butirnya.' }
        : issue.origin === 'string'
          ? { message: `paling panjang ${issue.maximum} karakter.`, fix: 'persingkat teksnya.' }
          : { message: `paling besar ${issue.maximum}.`, fix: `tulis angka ${issue.maximum} atau kurang.` };
    case 'invalid_format':
      return describeFormat(issue.format, issue.input);
    case 'unrecognized_keys':
      return {
        message: `kolom tidak dikenal: ${issue.keys.join(', ')}.`,
        fix: 'periksa ejaan nama kolom, atau hapus kolom itu.',
      };
    case 'invalid_union':
      return { message: issue.message && issue.message !== 'Invalid input' ? issue.message : 'bentuk isinya tidak sesuai.' };
    default:
      return { message: issue.message };
  }
}

function describeFormat(format: string, input: unknown): { message: string; fix?: string } {
  switch (format) {
    case 'url':
      return { message: `${describeValue(input)} bukan alamat web yang sah.`, fix: 'tulis alamat lengkap, misalnya https://contoh.go.id/.' };
    case 'email':
      return { message: `${describeValue(input)} bukan alamat surel yang sah.`, fix: 'tulis seperti nama@contoh.go.id.' };
    default:
      return { message: `${describeValue(input)} tidak sesuai format yang diminta.` };
  }
}

const YAML_TYPE_NAMES: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  boolean: 'true atau false',
  array: 'daftar (setiap butir diawali "- ")',
  object: 'kumpulan kolom (kunci: nilai)',
  date: 'tanggal (TTTT-BB-HH)',
};

const JSON_TYPE_NAMES: Record<string, string> = {
  ...YAML_TYPE_NAMES,
  array: 'daftar ([…])',
  object: 'objek ({…})',
};

function describeValue(value: unknown, syntax: Syntax = 'yaml'): string {
  if (value === null) return 'kosong';
  if (Array.isArray(value)) return 'daftar';
  if (value instanceof Date) return `tanggal ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return syntax === 'json' ? 'objek' : 'kumpulan kolom';
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}
