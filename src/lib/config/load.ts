import { readFile } from 'node:fs/promises';
import type { Problem } from '../errors/problem.ts';
import { validateYaml, type Validated } from '../errors/validate.ts';
import { ConfigSchema, type Config } from './schema.ts';

export const CONFIG_FILE = 'tayang.config.yml';

/** Validates config text (from the working tree, or the base branch via the GitHub API). */
export function parseConfig(text: string, file = CONFIG_FILE): Validated<Config> {
  return validateYaml(ConfigSchema, text, file);
}

export async function loadConfigFile(file = CONFIG_FILE): Promise<Validated<Config>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const problem: Problem = {
      file,
      message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'berkas konfigurasi tidak ditemukan.' : `berkas konfigurasi tidak bisa dibaca (${(error as Error).message}).`,
      fix: `buat ${CONFIG_FILE} di akar repositori, misalnya dengan menyalin salah satu berkas di presets/.`,
    };
    return { ok: false, problems: [problem] };
  }
  return parseConfig(text, file);
}
