import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Config } from '../config/schema.ts';
import { slugify } from '../content/slug.ts';

/**
 * MANIFEST.json, the first file of every archive: whose archive it is, which commit it holds, and
 * every other file with its size and SHA-256, so anyone can check it years later with any tool
 * (`sha256sum`), not only with Tayang.
 */

export const MANIFEST_NAME = 'MANIFEST.json';
export const MANIFEST_FORMAT = 'tayang-arsip/1';

/** What the parts of an archive are, said to whoever opens it without this documentation. */
export const ARCHIVE_DESCRIPTION =
  'Arsip situs resmi dan catatan publikasinya. dist/ = situs hasil build, siap disajikan dari server web mana pun; ' +
  'content/ = naskah sumber setiap item; records/ = catatan persetujuan dan kiriman; tayang.config.yml = identitas kantor dan SOP. ' +
  'created_at = waktu commit yang diarsipkan (zona waktu kantor). Periksa keutuhan: npx tayang arsip --periksa <berkas.tar.gz>, ' +
  'atau bandingkan sha256 setiap berkas di bawah.';

export const ManifestFileSchema = z.strictObject({
  path: z.string().min(1),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

export const ManifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  description: z.string(),
  office: z.strictObject({ name: z.string(), parent: z.string(), site: z.string(), time_zone: z.string() }),
  sop: z.strictObject({ number: z.string(), name: z.string(), effective_date: z.string() }),
  commit: z.string().regex(/^[0-9a-f]{40,64}$/),
  created_at: z.string(),
  files: z.array(ManifestFileSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export interface ManifestInput {
  config: Pick<Config, 'kantor' | 'sop'>;
  commit: string;
  /** ISO time of the commit; the archive is dated by it, so archiving again gives the same bytes. */
  committedAt: string;
  files: readonly ManifestFile[];
}

export function makeManifest(input: ManifestInput): Manifest {
  const { kantor, sop } = input.config;
  return {
    format: MANIFEST_FORMAT,
    description: ARCHIVE_DESCRIPTION,
    office: { name: kantor.nama, parent: kantor.induk, site: kantor.situs, time_zone: kantor.zona_waktu },
    sop: { number: sop.nomor, name: sop.nama, effective_date: sop.tanggal_efektif },
    commit: input.commit,
    created_at: officeTime(input.committedAt, kantor.zona_waktu).toISO({ suppressMilliseconds: true })!,
    files: [...input.files].sort((a, b) => comparePaths(a.path, b.path)),
  };
}

/** The manifest as stored: two-space indent, final newline. */
export function serializeManifest(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
}

/** `<kantor-slug>-<YYYY-MM-DD>-<shortsha>`: the file name without `.tar.gz`, and the archive's top folder. */
export function archiveBaseName(manifest: Pick<Manifest, 'office' | 'commit' | 'created_at'>): string {
  const date = manifest.created_at.slice(0, 10);
  return `${slugify(manifest.office.name) || 'kantor'}-${date}-${manifest.commit.slice(0, 7)}`;
}

/** One order for every platform and locale: by code unit, like `sort` with LC_ALL=C for ASCII paths. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function officeTime(iso: string, zone: string): DateTime {
  const time = DateTime.fromISO(iso, { setZone: true });
  if (!time.isValid) throw new Error(`waktu commit "${iso}" tidak terbaca`);
  return time.setZone(zone);
}

export type Discrepancy =
  | { kind: 'missing'; path: string }
  | { kind: 'unexpected'; path: string }
  | { kind: 'changed'; path: string; expected: Pick<ManifestFile, 'size' | 'sha256'>; actual: Pick<ManifestFile, 'size' | 'sha256'> }
  | { kind: 'duplicate'; path: string }
  /** An entry that is neither a file nor a folder (a link, a device): no manifest lists one. */
  | { kind: 'special'; path: string }
  /** The site's source stamp names other sources than the archive holds: a site built from a draft. */
  | { kind: 'mixed'; path: string };

/** What differs between the files listed in the manifest and the files found in the archive. */
export function compareWithManifest(listed: readonly ManifestFile[], found: readonly ManifestFile[]): Discrepancy[] {
  const expected = new Map(listed.map((file) => [file.path, file]));
  const seen = new Set<string>();
  const discrepancies: Discrepancy[] = [];
  for (const file of found) {
    if (seen.has(file.path)) {
      discrepancies.push({ kind: 'duplicate', path: file.path });
      continue;
    }
    seen.add(file.path);
    const want = expected.get(file.path);
    if (!want) discrepancies.push({ kind: 'unexpected', path: file.path });
    else if (want.size !== file.size || want.sha256 !== file.sha256) {
      discrepancies.push({ kind: 'changed', path: file.path, expected: { size: want.size, sha256: want.sha256 }, actual: { size: file.size, sha256: file.sha256 } });
    }
  }
  for (const file of listed) if (!seen.has(file.path)) discrepancies.push({ kind: 'missing', path: file.path });
  return discrepancies;
}
