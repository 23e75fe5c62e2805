/**
 * Names of places, so a capitalised word can be told from an ordinary one: every Indonesian
 * province, regency, district and village from the `idn-area-data` package (after Kepmendagri
 * on the codes and names of administrative areas; the data is under the Open Database License
 * 1.0, read from the package where it is installed, never copied into Tayang), plus the national
 * names in data/nama-diri.yml. Loaded once per process, on first use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readLanguageData } from './data.ts';

export interface NameLexicon {
  /** A whole name of one or more words, lower-cased and joined by single spaces ("sumber bersama"). */
  isName(lower: string): boolean;
  /** The same for provinces, regencies and districts only: places a reader knows by name (Aceh, Padang). */
  isLargePlace(lower: string): boolean;
  /** Any word that is part of some name ("sumber", "bersama", "yogyakarta"). */
  isNameWord(lower: string): boolean;
  /** The names' words as written, by lower-cased word: the spelling to suggest for a slip. */
  nameWord(lower: string): string | undefined;
}

let cached: NameLexicon | undefined;

export function loadNames(): NameLexicon {
  cached ??= makeNames();
  return cached;
}

const AREA_FILES = ['provinces.csv', 'regencies.csv', 'districts.csv', 'villages.csv'];

function makeNames(): NameLexicon {
  const names = new Set<string>();
  const large = new Set<string>();
  const words = new Map<string, string>();
  const add = (name: string, isLarge = true) => {
    const parts = name.split(/[\s,/()]+/u).filter((part) => /\p{L}/u.test(part));
    if (parts.length === 0) return;
    names.add(parts.join(' ').toLowerCase());
    if (isLarge) large.add(parts.join(' ').toLowerCase());
    for (const part of parts) if (!words.has(part.toLowerCase())) words.set(part.toLowerCase(), part);
  };
  const data = join(dirname(createRequire(import.meta.url).resolve('idn-area-data')), '..', 'data');
  for (const file of AREA_FILES) {
    const lines = readFileSync(join(data, file), 'utf8').split('\n').slice(1);
    for (const line of lines) {
      // The name is the last column; a quoted one may hold commas ("Lubuk Pakam I,II").
      const name = /,(?:"((?:[^"]|"")*)"|([^,"]*))\r?$/u.exec(line);
      const written = name?.[1]?.replace(/""/g, '"') ?? name?.[2];
      if (!written) continue;
      add(written, file !== 'villages.csv');
      // "Kabupaten Aceh Selatan", "Kota Yogyakarta": the name also stands without its kind.
      const bare = /^(?:Kabupaten|Kota|Kota Administrasi|Kabupaten Administrasi)\s+(.+)$/u.exec(written);
      if (bare) add(bare[1]!);
    }
  }
  for (const name of readLanguageData<{ nama: string[] }>('nama-diri.yml').nama) add(name);
  return {
    isName: (lower) => names.has(lower),
    isLargePlace: (lower) => large.has(lower),
    isNameWord: (lower) => words.has(lower),
    nameWord: (lower) => words.get(lower),
  };
}
