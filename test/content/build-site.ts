import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { tayang } from '../checks/site.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ASTRO = join(REPO, 'node_modules/astro/bin/astro.mjs');
// The project's pinned Node (24), whatever Node started vitest.
const NODE = join(REPO, 'node_modules/.bin/node');

/** A symbolic link to `target` (relative to the link's folder), in place of a file's content. */
export interface SymbolicLink {
  linkTo: string;
}

export interface Site {
  dir: string;
  code: number;
  output: string;
}

/**
 * Writes a small site whose collections are the project's own (src/content.config.ts), then
 * builds it with Astro; never throws, the exit code and the output say how it went.
 */
export async function buildSite(files: Record<string, string | Uint8Array | SymbolicLink>): Promise<Site> {
  const dir = await mkdtemp(join(tmpdir(), 'tayang-situs-'));
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  const site: Record<string, string | Uint8Array | SymbolicLink> = {
    // Caches inside the site, so parallel builds never share node_modules/.vite. MDX is on, though
    // the office's site has no mdx(): should someone add it back, a refused .mdx item still never runs.
    'astro.config.mjs': `import mdx from '@astrojs/mdx';\nexport default { integrations: [mdx()], cacheDir: './.cache/astro', vite: { cacheDir: './.cache/vite', logLevel: 'error' } };\n`,
    'src/content.config.ts': `export { collections } from ${JSON.stringify(join(REPO, 'src/content.config.ts'))};\n`,
    'src/pages/index.astro': `---\nimport { getCollection } from 'astro:content';\nconst berita = await getCollection('berita');\n---\n<ul>{berita.map((b) => <li>{b.id}: {b.data.judul}</li>)}</ul>\n`,
    ...files,
  };
  await writeFiles(dir, site);
  return runBuild(dir);
}

/** Builds a site of `buildSite` again, after writing `changes` into it, with its caches kept. */
export async function rebuildSite(site: Site, changes: Record<string, string | Uint8Array>): Promise<Site> {
  await writeFiles(site.dir, changes);
  return runBuild(site.dir);
}

async function writeFiles(dir: string, files: Record<string, string | Uint8Array | SymbolicLink>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    if (typeof content === 'object' && 'linkTo' in content) await symlink(content.linkTo, join(dir, path));
    else await writeFile(join(dir, path), content);
  }
}

function runBuild(dir: string): Promise<Site> {
  return new Promise((resolve) => {
    execFile(NODE, [ASTRO, 'build'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } }, (error, stdout, stderr) => {
      resolve({ dir, code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

/** A valid `berita` item; `extra` lines go before the closing `---`, line 7 onwards. */
export function berita(extra: string, lokasi = 'lokasi: Balai Desa\n'): string {
  return `---\njudul: Kerja Bakti\ntanggal: 2025-03-10\nringkasan: Warga membersihkan saluran.\npenulis: Tim Admin\n${lokasi}${extra}---\n\nIsi berita.\n`;
}

/** An item the build and `tayang periksa` must both refuse, at this line, with these words. */
export interface Refusal {
  file: string;
  line: number;
  words: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The build stopped with exactly these problems, in Indonesian, wrote no dist/ and printed none of `english`. */
export function expectBuildRefused(site: Site, refused: readonly Refusal[], english: RegExp): void {
  expect(site.code, site.output).not.toBe(0);
  expect(site.output).toContain(`Konten tidak bisa diterbitkan karena ${refused.length} masalah:`);
  for (const { file, line, words } of refused) {
    expect(site.output).toMatch(new RegExp(`\\n${escapeRegExp(file)}:${line}(:\\d+)?( — |: )[^\\n]*${escapeRegExp(words)}`));
  }
  expect(site.output).not.toMatch(english);
  expect(existsSync(join(site.dir, 'dist'))).toBe(false);
}

/** `tayang periksa` over the same site finds each refusal as a finding of `rules` (schema ones by default) at the same file and line. */
export async function expectPeriksaRefused(site: Site, refused: readonly Refusal[], rules = /^schema\//): Promise<void> {
  const result = await tayang(site.dir, ['periksa', '--format', 'json']);
  const { findings } = JSON.parse(result.stdout) as { findings: { file: string; line: number; rule: string; message: string }[] };
  expect(result.code).toBe(1);
  for (const { file, line, words } of refused) {
    expect(findings).toContainEqual(expect.objectContaining({ file, line, rule: expect.stringMatching(rules), message: expect.stringContaining(words) }));
  }
}
