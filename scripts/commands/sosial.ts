import type { Command } from 'commander';
import type { SocialPost } from '../../src/lib/social/kit.ts';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

interface SocialOptions {
  berubah?: string | true;
  antrean?: boolean;
  terjadwal?: boolean;
  keluar: string;
  format: string;
}

const FORMATS = ['teks', 'json', 'markdown'] as const;

export function register(program: Command): void {
  program
    .command('sosial')
    .description(
      'Membuat kit media sosial: teks per platform (Instagram, Facebook, X, YouTube, WhatsApp) dalam batas tiap ' +
        'platform, gambar berukuran pas, dan sosial.json. Tanpa ITEM/--berubah/--antrean: semua item yang sudah terbit. ' +
        'Keluar 1 bila ada teks pengganti (sosial.teks) yang terlalu panjang atau item yang tidak bisa dibaca.',
    )
    .argument('[item...]', 'folder item, misalnya content/berita/musrenbang-2026')
    .option('--berubah [ref]', 'hanya item yang berubah sejak REF (bawaan: titik cabang dari main)')
    .option('--antrean', 'item yang kirimannya belum tuntas menurut catatan, dan item terjadwal yang waktunya sudah tiba')
    .option('--terjadwal', 'sertakan item yang waktu terbitnya belum tiba (untuk pratinjau di PR)')
    .option('--keluar <folder>', 'folder kit; dist/sosial ikut terunggah bersama situs (Instagram mengambil gambarnya dari situ)', 'dist/sosial')
    .option('--format <format>', 'teks, json, atau markdown (pratinjau untuk komentar PR)', 'teks')
    .action((items: string[], options: SocialOptions) => runAction(() => runSocial(items, options)));
}

async function runSocial(paths: string[], options: SocialOptions): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    exitWithProblems([{ file: 'tayang sosial', field: '--format', message: `format "${options.format}" tidak dikenal.`, fix: 'pilih teks, json, atau markdown.' }]);
  }
  const { loadPublishContext } = await import('../../src/lib/publish/context.ts');
  const { planSocialKit } = await import('../../src/lib/social/kit.ts');
  const { writeSocialKit } = await import('../../src/lib/social/write.ts');
  const { formatProblems } = await import('../../src/lib/errors/problem.ts');
  const { readFile } = await import('node:fs/promises');

  const context = await loadPublishContext(paths, options, new Date(), process.env);
  const plan = planSocialKit(context.items, context.config, { base: context.base });
  const logoFile = context.config.kantor.logo;
  const logo = logoFile ? await readFile(logoFile).catch(() => undefined) : undefined;
  const logoProblems = logoFile && !logo ? [{ file: 'tayang.config.yml', field: 'kantor.logo', message: `berkas logo "${logoFile}" tidak bisa dibaca; gambar dibuat tanpa logo.`, fix: 'tulis path logo dari akar repositori, misalnya public/logo.png.' }] : [];
  const written = await writeSocialKit(plan, { outDir: options.keluar, repoRoot: '.', identity: { office: context.config.kantor.nama, logo } });
  const problems = [...context.problems, ...logoProblems, ...plan.problems, ...written.problems];
  if (problems.length > 0) process.stderr.write(`${formatProblems(problems)}\n`);

  const { renderKitText, renderKitMarkdown } = await import('../../src/lib/social/render.ts');
  const output = options.format === 'json' ? JSON.stringify(written.posts, null, 2) : options.format === 'markdown' ? renderKitMarkdown(written.posts as SocialPost[]) : renderKitText(written.posts, options.keluar);
  process.stdout.write(`${output}\n`);
  return problems.length > 0 ? EXIT.findings : EXIT.ok;
}
