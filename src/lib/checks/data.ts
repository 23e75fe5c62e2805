import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Reads one of the rule data files in ./data (word lists and limits with their sources). */
export function readRuleData<T>(name: string): T {
  return parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')) as T;
}
