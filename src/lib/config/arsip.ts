import { z } from 'zod';
import { parseSshPublicKey } from '../archive/signature.ts';

/**
 * The `arsip:` section of tayang.config.yml: the public half of the key the archive workflow
 * signs each archive's MANIFEST.json with (docs/arsip.md says how to make one). With a key here,
 * `tayang arsip --periksa` calls an archive intact only when its signature is valid, so edited
 * contents with a recomputed manifest and `.sha256` are caught; without one, archives are checked
 * against accidents only.
 *
 * @example
 * arsip:
 *   kunci_publik: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIVbqtt2RqF1lV2Xbo8b3GG5kERv2V7YiLtSBdbBEl2y arsip kecamatan-gerokgak
 */

const PublicKeyLineSchema = z.string().superRefine((line, ctx) => {
  const parsed = parseSshPublicKey(line);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `${parsed.message} Salin isi berkas kunci-arsip.pub apa adanya, dalam satu baris.` });
});

export const ArchiveConfigSchema = z.strictObject({
  /**
   * One key, or a list while an old key still vouches for the archives it signed (after the key
   * is replaced, keep the old one here as long as those archives are kept, unless it leaked).
   * @example "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… arsip kecamatan-gerokgak"
   */
  kunci_publik: z
    .union([PublicKeyLineSchema, z.array(PublicKeyLineSchema)])
    .transform((keys) => (Array.isArray(keys) ? keys : [keys]))
    .default([]),
});

export type ArchiveConfig = z.output<typeof ArchiveConfigSchema>;
