import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Problem } from '../errors/problem.ts';
import { renderPhoto, renderTitleCard, type Identity } from './images.ts';
import type { KitPlan, SocialPost } from './kit.ts';

/** The manifest's name inside the kit folder. */
export const MANIFEST_FILE = 'sosial.json';

export interface WriteKitOptions {
  /** The kit folder (the workflow uses dist/sosial, so images are deployed at <situs>/sosial/). */
  outDir: string;
  /** Where repository-relative paths (photos, logo) are read from. */
  repoRoot: string;
  identity: Identity;
}

/**
 * Renders the planned images, writes each post's text beside them (`<platform>.txt`, for
 * posting by hand: WhatsApp) and the manifest. A photo that cannot be read becomes a problem
 * and the post gets a title card instead, so one bad file does not stop the kit.
 */
export async function writeSocialKit(plan: KitPlan, options: WriteKitOptions): Promise<{ posts: SocialPost[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  for (const job of plan.images) {
    let image: Buffer | undefined;
    if (job.photo) {
      try {
        image = await renderPhoto(await readFile(join(options.repoRoot, job.photo)), job.width, job.height, options.identity, job.focus);
      } catch (error) {
        problems.push({
          file: job.photo,
          message: `gambar tidak bisa dibaca untuk kiriman media sosial (${(error as Error).message}); dipakai kartu judul.`,
          fix: 'periksa `gambar.src` di frontmatter dan pastikan berkasnya JPEG, PNG atau WebP yang utuh.',
        });
      }
    }
    image ??= await renderTitleCard(job.card, job.width, job.height, options.identity);
    const target = join(options.outDir, job.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, image);
  }
  for (const post of plan.posts) {
    const folder = join(options.outDir, post.item.replace(/^content\//, ''));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `${post.platform}.txt`), post.title ? `${post.title}\n\n${post.text}\n` : `${post.text}\n`);
  }
  await mkdir(options.outDir, { recursive: true });
  await writeFile(join(options.outDir, MANIFEST_FILE), `${JSON.stringify(plan.posts, null, 2)}\n`);
  return { posts: plan.posts, problems };
}
