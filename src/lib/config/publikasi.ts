import { z } from 'zod';
import { PLATFORMS } from '../social/platforms.ts';

/**
 * `publikasi:` in tayang.config.yml — where a merge publishes: the site's deploy target,
 * the social platforms, the office's hashtags and the Satu Data organisation. Secrets
 * (tokens, keys) never live here: they come from the environment (GitHub secrets).
 */

/**
 * How many releases stay on the target, the one being served included: `tayang terbitkan
 * --kembalikan` serves the one before (docs/terbit.md). @example 5
 */
const KeptReleasesSchema = z
  .number({ error: 'tulis jumlah rilis yang disimpan sebagai angka, misalnya 5.' })
  .int({ error: 'tulis bilangan bulat, misalnya 5.' })
  .min(2, { error: 'paling sedikit 2: rilis yang sedang tayang dan satu rilis sebelumnya, agar `tayang terbitkan --kembalikan` bisa dipakai. Tulis misalnya 5.' })
  .default(5);

/** GitHub Pages (default, for trying Tayang out; the workflow deploys with actions/deploy-pages). */
const PagesTargetSchema = z.strictObject({ tujuan: z.literal('pages') });

/** A folder on the machine that runs the workflow (a self-hosted runner on the office's server). */
const FolderTargetSchema = z.strictObject({
  tujuan: z.literal('folder'),
  /** The folder the web server serves; it becomes a link to the served release in `<folder>.rilis/`. @example "/var/www/jenawi" */
  folder: z.string().min(1),
  simpan_rilis: KeptReleasesSchema,
});

/** rsync over SSH to the office's server in Indonesia (PP 71/2019); the key is the TAYANG_SSH_KEY secret. */
// Server addresses are checked with refine (a custom issue), so our wording reaches the office.
const RsyncTargetSchema = z.strictObject({
  tujuan: z.literal('rsync'),
  /** @example "deploy@web.jenawi.karanganyarkab.go.id" */
  server: z.string().refine((v) => /^([A-Za-z0-9._-]+@)?[A-Za-z0-9.-]+$/.test(v), { error: 'tulis seperti pengguna@nama-server, misalnya deploy@web.jenawi.go.id.' }),
  /** The folder the web server serves; it becomes a link to the served release in `<folder>.rilis/`. @example "/var/www/jenawi" */
  folder: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(22),
  simpan_rilis: KeptReleasesSchema,
});

/** SFTP to a server or shared hosting in Indonesia (many offer SFTP but no rsync); key and host key are secrets. */
const SftpTargetSchema = z.strictObject({
  tujuan: z.literal('sftp'),
  /** @example "situs@hosting.penyedia.co.id" */
  server: z.string().refine((v) => /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+$/.test(v), { error: 'tulis seperti pengguna@nama-server, misalnya situs@hosting.penyedia.co.id.' }),
  /** The folder the web server serves; it becomes a link to the served release in `<folder>.rilis/`. @example "/home/situs/public_html" */
  folder: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(22),
  simpan_rilis: KeptReleasesSchema,
});

/** S3-compatible object storage at a provider in Indonesia; keys are AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. */
const S3TargetSchema = z.strictObject({
  tujuan: z.literal('s3'),
  /** @example "https://s3.jkt.penyedia.co.id" */
  endpoint: z.url(),
  /** @example "situs-jenawi" */
  bucket: z.string().min(1),
  /** @example "id-jkt-1" */
  wilayah: z.string().min(1).default('us-east-1'),
  /** Folder inside the bucket. @example "www/" */
  awalan: z.string().default(''),
  simpan_rilis: KeptReleasesSchema,
});

export const DeployTargetSchema = z.discriminatedUnion('tujuan', [PagesTargetSchema, FolderTargetSchema, RsyncTargetSchema, SftpTargetSchema, S3TargetSchema], {
  error: '`tujuan` harus salah satu: pages, folder, rsync, sftp, s3 (lihat docs/terbit.md).',
});
export type DeployTarget = z.output<typeof DeployTargetSchema>;

export const PublishingSchema = z.strictObject({
  situs: DeployTargetSchema.default({ tujuan: 'pages' }),
  // The id pattern of schema.ts, written out: importing it from there would be circular.
  /**
   * The `peran` that runs the website: when `tayang izin-terbit` holds publication, the issue it
   * opens mentions this role's members. Without it, the first flow's `penerima_laporan` is asked.
   * @example admin-website
   */
  admin: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'tulis pengenal peran dari bagian `peran`, misalnya admin-website.' }).optional(),
  /** Platforms that get posts. @example [instagram, facebook, x, youtube, whatsapp] */
  platform: z.array(z.enum(PLATFORMS)).default([...PLATFORMS]),
  /** The office's own hashtags, added after the item's. @example [KecamatanJenawi, Karanganyar] */
  tagar: z.array(z.string().min(1)).default([]),
  /** The regional Satu Data (CKAN) portal is `kantor.kanal.satu_data`; this is the office's organisation there. */
  satu_data: z
    .strictObject({
      /** CKAN organisation name. @example "kecamatan-jenawi" */
      organisasi: z.string().min(1),
      /** CKAN license id used when an item names none. @example "cc-by" */
      lisensi: z.string().min(1).default('cc-by'),
    })
    .optional(),
});
export type Publishing = z.output<typeof PublishingSchema>;

/**
 * Roles `publikasi` names that `peran` lacks, as issues for the config's own refinement (the
 * schema of this section alone cannot see the roles).
 */
export function publishingRoleIssues(publishing: Publishing, roles: readonly string[]): { path: (string | number)[]; message: string }[] {
  if (publishing.admin === undefined || roles.includes(publishing.admin)) return [];
  return [{ path: ['publikasi', 'admin'], message: `peran "${publishing.admin}" tidak ada di bagian \`peran\`. Peran yang ada: ${roles.join(', ')}. Tulis peran yang mengelola situs, misalnya admin-website.` }];
}
