import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Reads one of the rule data files beside this module (word lists with their sources). */
export function readLanguageData<T>(name: string): T {
  return parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')) as T;
}
