import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/schema.ts';
import type { CheckEnv } from './rule.ts';
import { readItemFileProblems } from '../content/load.ts';

/** The checks' window on the working tree (paths relative to `root`, the current directory by default). */
export function makeFileEnv(config?: Config, root = '.'): CheckEnv {
  return {
    readFile: (path) => readFile(join(root, path)).then((bytes) => new Uint8Array(bytes), () => undefined),
    readItemFileProblems: (file) => readItemFileProblems(join(root, file), { pictureLimit: config?.periksa.batas_piksel_gambar }),
    officePhones: [config?.kantor.kontak.telepon, config?.kantor.umpan_balik.telepon].filter((p): p is string => p !== undefined),
    officeEmails: [config?.kantor.kontak.email, config?.kantor.umpan_balik.email].filter((e): e is string => e !== undefined),
  };
}
