import { access, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CONFIG_FILE, loadConfigFile } from '../config/load.ts';
import type { Problem } from '../errors/problem.ts';
import type { Validated } from '../errors/validate.ts';
import { MANIFEST_NAME } from './manifest.ts';
import { parseSshPublicKey, type SshPublicKey } from './signature.ts';

/**
 * The keys an archive's signature is checked against: a `.pub` file named on the command line, or
 * else `arsip.kunci_publik` in the office's own tayang.config.yml. Never the config inside the
 * archive: whoever forges an archive can put their own key there.
 */
export async function loadTrustedKeys(options: { keyFile?: string; configFile?: string } = {}): Promise<Validated<SshPublicKey[]>> {
  if (options.keyFile !== undefined) return readKeyFile(options.keyFile);
  const configFile = options.configFile ?? CONFIG_FILE;
  // Verifying needs no repository: an archive copied to another computer is checked without a key.
  if (!(await exists(configFile))) return { ok: true, value: [] };
  // An unpacked archive holds a tayang.config.yml too, which a forger writes their own key into.
  if (await exists(join(dirname(configFile), MANIFEST_NAME))) {
    return {
      ok: false,
      problems: [{ file: configFile, message: `berkas ini ada di samping ${MANIFEST_NAME}, jadi tampaknya isi arsip yang dibuka; kunci di dalamnya tidak bisa dipakai untuk memeriksa arsip.`, fix: 'jalankan tayang arsip --periksa dari repositori kantor, atau sebut kunci publik kantor dengan --kunci-publik kunci-arsip.pub.' }],
    };
  }
  const config = await loadConfigFile(configFile);
  if (!config.ok) return config;
  return parseKeyLines(config.value.arsip.kunci_publik.map((line, i) => ({ line, where: { file: configFile, field: `arsip.kunci_publik.${i}` } })));
}

async function readKeyFile(file: string): Promise<Validated<SshPublicKey[]>> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  const fix = 'sebut berkas .pub kunci arsip kantor (satu baris "ssh-ed25519 AAAA…"), misalnya kunci-arsip.pub.';
  if (text === undefined) return { ok: false, problems: [{ file, message: 'berkas kunci publik tidak ditemukan atau tidak bisa dibaca.', fix }] };
  const lines = text.split('\n').map((line, i) => ({ line, where: { file, line: i + 1 } })).filter(({ line }) => line.trim() !== '' && !line.trim().startsWith('#'));
  if (lines.length === 0) return { ok: false, problems: [{ file, message: 'berkas ini tidak berisi kunci publik.', fix }] };
  return parseKeyLines(lines);
}

function parseKeyLines(lines: readonly { line: string; where: Pick<Problem, 'file' | 'line' | 'field'> }[]): Validated<SshPublicKey[]> {
  const keys: SshPublicKey[] = [];
  const problems: Problem[] = [];
  for (const { line, where } of lines) {
    const parsed = parseSshPublicKey(line);
    if (parsed.ok) keys.push(parsed.value);
    else problems.push({ ...where, message: parsed.message, fix: 'salin isi berkas kunci-arsip.pub apa adanya, dalam satu baris.' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: keys };
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
