import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalRecord } from '../../src/lib/records/record.ts';
import { writeRecord } from '../../src/lib/records/store.ts';
import { buildExampleSiteWith, rebuildExampleCopy, ROOT, type BuiltCopy } from './example-site.ts';

// One copy of the example office with its own cache, built nine times: cold, unchanged, with one
// news item's text edited, with another's photo replaced (its text unchanged), with a new approval
// record for one document, with another office address, as a pull request's preview, and — made a
// Git repository whose main is all that — as the preview of a PR that edits one news item, then
// as main's build once that PR is merged.

/** What a build printed of its routes: made this time, or copied from the previous build. */
function routes(output: string): { made: string[]; copied: string[] } {
  const made: string[] = [];
  const copied: string[] = [];
  for (const line of output.split('\n')) {
    const route = /[├└]─ (\/\S+)(.*)$/.exec(line);
    if (route === null) continue;
    (/\((?:cached|restored)\)/.test(route[2]!) ? copied : made).push(route[1]!);
  }
  return { made, copied };
}

/** Pictures sharp encoded, as opposed to those taken from Astro's cache of renditions. */
function encodes(output: string): number {
  return output.split('\n').filter((line) => /▶ \/_astro\//.test(line) && !line.includes('(reused cache entry)')).length;
}

const NEWS = 'content/berita/musrenbang-kecamatan-jenawi-2026/index.md';
const DOCUMENT = 'content/dokumen/perbup-standar-pelayanan-kecamatan';

let cold: BuiltCopy;
let unchanged: BuiltCopy;
let edited: BuiltCopy;
let rephotographed: BuiltCopy;
// Every build writes the same dist/: the photo's page as it was before and after its build.
let photoPageBefore: string;
let photoPageAfter: string;
let recorded: BuiltCopy;
let moved: BuiltCopy;
let preview: BuiltCopy;
let previewHasIndex: boolean;
let itemsPreview: BuiltCopy;
let itemsPreviewPages: { berita: string[]; home: string; item: string; stamp: boolean };
let itemsPreviewAudit: { pages: string[]; findings: { severity: string }[] };
let merged: BuiltCopy;

const PR_NEWS = 'content/berita/pelatihan-pengolahan-kopi-desa-balong/index.md';

beforeAll(async () => {
  cold = await buildExampleSiteWith({}, { ownCache: true });
  unchanged = await rebuildExampleCopy(cold, {});
  const news = await readFile(join(ROOT, NEWS), 'utf8');
  edited = await rebuildExampleCopy(cold, { [NEWS]: news.replace(/\n*$/, '\n\nTambahan: notulen rapat menyusul minggu depan.\n') });
  const photoPage = () => readFile(join(cold.dist, 'berita/kerja-bakti-saluran-irigasi-anggrasmanis/index.html'), 'utf8');
  photoPageBefore = await photoPage();
  const photo = await readFile(join(ROOT, 'content/berita/pelatihan-pengolahan-kopi-desa-balong/pelatihan-kopi.jpg'));
  rephotographed = await rebuildExampleCopy(cold, { 'content/berita/kerja-bakti-saluran-irigasi-anggrasmanis/kerja-bakti.jpg': photo });
  photoPageAfter = await photoPage();
  // A later change to the document, recorded as `tayang catat` does at its merge.
  const { chain: _, ...earlier } = JSON.parse(await readFile(join(ROOT, 'records/persetujuan/3.json'), 'utf8')) as ApprovalRecord & { chain: unknown };
  const later: ApprovalRecord = {
    ...earlier,
    pr: 990,
    url: 'https://github.com/kecamatan-jenawi/situs/pull/990',
    title: 'Dokumen: lampiran Perbup diperbarui',
    opened_at: '2026-11-30T09:00:00+07:00',
    merged_at: '2026-11-30T15:00:00+07:00',
    merge_commit: 'a'.repeat(40),
    items: earlier.items.map((item) => ({ ...item, change: 'modified' })),
  };
  await writeRecord(cold.dir, later);
  recorded = await rebuildExampleCopy(cold, {});
  const config = await readFile(join(ROOT, 'tayang.config.yml'), 'utf8');
  moved = await rebuildExampleCopy(cold, { 'tayang.config.yml': config.replace('Jl. Raya Jenawi No. 1', 'Jl. Raya Jenawi No. 5') });
  await rm(join(cold.dist, 'pagefind'), { recursive: true });
  preview = await rebuildExampleCopy(cold, {}, { TAYANG_PRATINJAU: '1' });
  previewHasIndex = existsSync(join(preview.dist, 'pagefind'));

  // What periksa.yml does for a PR that edits one news item: the preview of that item only, then
  // pa11y on its pages (`tayang aksesibilitas --berubah`).
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Uji', '-c', 'user.email=uji@contoh.test', ...args], { cwd: cold.dir, stdio: 'ignore' });
  await writeFile(join(cold.dir, '.gitignore'), 'node_modules/\ndist/\n.astro/\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'situs');
  git('checkout', '-q', '-b', 'pr');
  const prNews = await readFile(join(ROOT, PR_NEWS), 'utf8');
  itemsPreview = await rebuildExampleCopy(cold, { [PR_NEWS]: prNews.replace(/\n*$/, '\n\nDaftar peserta pelatihan menyusul.\n') }, { TAYANG_PRATINJAU: '1', TAYANG_PRATINJAU_BERUBAH: 'main' });
  itemsPreviewPages = {
    berita: (await readdir(join(cold.dist, 'berita'), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name),
    home: await readFile(join(cold.dist, 'index.html'), 'utf8'),
    item: await readFile(join(cold.dist, 'berita/pelatihan-pengolahan-kopi-desa-balong/index.html'), 'utf8'),
    stamp: existsSync(join(cold.dist, 'tayang-sumber.json')),
  };
  const audit = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/tayang.ts'), 'aksesibilitas', '--berubah=main', '--format', 'json'], { cwd: cold.dir, env: { ...process.env, TAYANG_BASE: '' }, maxBuffer: 16 * 1024 * 1024 });
  itemsPreviewAudit = JSON.parse(audit.stdout);
  merged = await rebuildExampleCopy(cold, {});
}, 600_000);

afterAll(() => cold?.remove());

describe('incremental builds of the site', () => {
  it('makes every page and encodes every picture the first time', () => {
    const { made, copied } = routes(cold.output);
    expect(copied).toEqual([]);
    expect(made).toContain('/berita/musrenbang-kecamatan-jenawi-2026/index.html');
    expect(encodes(cold.output)).toBeGreaterThan(0);
  });

  it('copies every item page of an unchanged site, and encodes no picture', () => {
    const { made, copied } = routes(unchanged.output);
    expect(made.filter((path) => path.startsWith('/berita/') && path.endsWith('/index.html') && path !== '/berita/index.html')).toEqual([]);
    expect(copied).toContain('/berita/musrenbang-kecamatan-jenawi-2026/index.html');
    expect(copied).toContain(`/${DOCUMENT.slice('content/'.length)}/persetujuan/index.html`);
    expect(encodes(unchanged.output)).toBe(0);
    expect(unchanged.output).toContain('indeks build sebelumnya dipakai lagi');
  });

  it('makes again only the edited item among the item pages, with its new text, and encodes no picture', async () => {
    const { made, copied } = routes(edited.output);
    const itemPages = (paths: string[]) => paths.filter((path) => /^\/(?:berita|pengumuman|agenda|artikel|galeri|video|audio|dokumen|data)\/[^/]+\/index\.html$/.test(path));
    expect(itemPages(made)).toEqual(['/berita/musrenbang-kecamatan-jenawi-2026/index.html']);
    expect(itemPages(copied).length).toBeGreaterThan(10);
    expect(made).toContain('/berita/musrenbang-kecamatan-jenawi-2026/braille.txt');
    expect(await readFile(join(edited.dist, 'berita/musrenbang-kecamatan-jenawi-2026/index.html'), 'utf8')).toContain('notulen rapat menyusul');
    expect(encodes(edited.output)).toBe(0);
    expect(edited.output).not.toContain('indeks build sebelumnya dipakai lagi');
  });

  it('makes again the page of an item whose photo was replaced, though its text is unchanged', async () => {
    const { made } = routes(rephotographed.output);
    expect(made).toContain('/berita/kerja-bakti-saluran-irigasi-anggrasmanis/index.html');
    expect(made).not.toContain('/berita/musrenbang-kecamatan-jenawi-2026/index.html');
    expect(encodes(rephotographed.output)).toBeGreaterThan(0);
    // The page names the new rendition of the photo.
    expect(photoPageAfter).not.toBe(photoPageBefore);
  });

  it('makes again the page and the approval sheet of an item with a new approval record', async () => {
    const { made } = routes(recorded.output);
    const page = `/${DOCUMENT.slice('content/'.length)}/`;
    expect(made).toContain(`${page}index.html`);
    expect(made).toContain(`${page}persetujuan/index.html`);
    expect(made).not.toContain('/berita/musrenbang-kecamatan-jenawi-2026/index.html');
    expect(await readFile(join(recorded.dist, page.slice(1), 'persetujuan/index.html'), 'utf8')).toContain('pull/990');
  });

  it('makes every page again when the office config changes', async () => {
    const { copied } = routes(moved.output);
    expect(copied).toEqual([]);
    expect(await readFile(join(moved.dist, 'berita/musrenbang-kecamatan-jenawi-2026/index.html'), 'utf8')).toContain('Jl. Raya Jenawi No. 5');
  });

  it('leaves the search index out of a pull request\'s preview, and says so', () => {
    expect(preview.output).toContain('Indeks pencarian tidak dibuat: ini pratinjau PR (TAYANG_PRATINJAU=1)');
    expect(previewHasIndex).toBe(false);
    expect(existsSync(join(preview.dist, 'cari/index.html'))).toBe(true);
    expect(routes(preview.output).made.filter((path) => path.startsWith('/berita/musrenbang'))).toEqual([]);
  });

  it('previews only the items of a PR that changes nothing else, and says so on every page', () => {
    expect(itemsPreview.output).toContain('Pratinjau PR: hanya 1 item yang diubah PR ini yang dibangun (berita/pelatihan-pengolahan-kopi-desa-balong)');
    expect(itemsPreviewPages.berita).toEqual(['pelatihan-pengolahan-kopi-desa-balong']);
    expect(itemsPreviewPages.item).toContain('Daftar peserta pelatihan menyusul.');
    for (const page of [itemsPreviewPages.home, itemsPreviewPages.item]) expect(page).toContain('Pratinjau PR, belum terbit.');
    // Nothing kept by main's build is taken or dropped, and such a site is never archived.
    expect(routes(itemsPreview.output).copied).toEqual([]);
    expect(itemsPreviewPages.stamp).toBe(false);
  });

  it('checks the preview\'s pages of the changed item with pa11y, without an error', () => {
    expect(itemsPreviewAudit.pages).toEqual(['/', '/berita/', '/berita/pelatihan-pengolahan-kopi-desa-balong/', '/berita/pelatihan-pengolahan-kopi-desa-balong/persetujuan/']);
    expect(itemsPreviewAudit.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('builds main after that preview from the pages main\'s build kept', async () => {
    const { made, copied } = routes(merged.output);
    expect(copied).toContain('/berita/musrenbang-kecamatan-jenawi-2026/index.html');
    expect(made).toContain('/berita/pelatihan-pengolahan-kopi-desa-balong/index.html');
    expect(existsSync(join(merged.dist, 'tayang-sumber.json'))).toBe(true);
    expect(await readFile(join(merged.dist, 'index.html'), 'utf8')).not.toContain('Pratinjau PR');
  });
});
