import { SITE_ADDRESSES } from './types.ts';

/** Folder names become page addresses: lowercase ASCII words joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL-safe folder name from a title: lowercase ASCII words joined by hyphens. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** An address the site makes itself, which a `halaman` cannot take. */
export function isSiteAddress(slug: string): boolean {
  return SITE_ADDRESSES.includes(slug);
}

/** Why a `halaman` cannot have this folder name, or undefined. */
export function describeTakenPageSlug(slug: string): { message: string; fix: string } | undefined {
  if (!isSiteAddress(slug)) return undefined;
  return {
    message: `nama folder "${slug}" sudah dipakai situs untuk alamat /${slug}/, jadi halaman ini tidak bisa tayang di sana.`,
    fix: `ganti nama foldernya, misalnya "${slug}-kantor". Nama yang dipakai situs sendiri: ${SITE_ADDRESSES.join(', ')}.`,
  };
}
