import type { Command } from 'commander';
import { CONTENT_ROOT, CONTENT_TYPES } from '../../src/lib/content/types.ts';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

export function register(program: Command): void {
  program
    .command('baru')
    .usage('[pilihan] <jenis> "<judul>"')
    .description(
      'Membuat item konten baru: folder content/<jenis>/<nama-dari-judul>/ berisi index.md dengan ' +
        'frontmatter yang siap diisi dan daftar periksa. Teks [GANTI: …] wajib diganti sebelum terbit; ' +
        'folder yang sudah ada tidak pernah ditimpa.\n' +
        `Jenis: ${CONTENT_TYPES.join(', ')}.`,
    )
    .argument('<jenis>', 'jenis konten, misalnya berita')
    .argument('<judul>', 'judul item dalam tanda kutip, misalnya "Musrenbang Kecamatan 2026"')
    // Default given here, not to commander, which would append an English "(default: …)".
    .option('--folder <folder>', `folder konten (bawaan: ${CONTENT_ROOT})`)
    .action((jenis: string, judul: string, options: { folder?: string }) => runAction(() => createItem(jenis, judul, options.folder ?? CONTENT_ROOT)));
}

async function createItem(jenis: string, judul: string, folder: string): Promise<number> {
  const { planNewItem, writeNewItem } = await import('../../src/lib/content/new-item.ts');
  const { localToday } = await import('../../src/lib/content/time.ts');
  const { loadOfficeZone } = await import('../../src/lib/content/load.ts');
  const today = localToday(new Date(), await loadOfficeZone());
  const plan = await planNewItem(folder, jenis, judul, today);
  if (!plan.ok) exitWithProblems(plan.problems);
  const problems = await writeNewItem(plan.value);
  if (problems.length > 0) exitWithProblems(problems);
  process.stdout.write(
    `Dibuat: ${plan.value.file}\n` +
      'Langkah berikutnya: isi semua teks [GANTI: …], unggah gambar dan berkas yang disebut ke folder yang sama,\n' +
      'lalu periksa dengan `npx tayang periksa` sebelum membuka pull request.\n',
  );
  return EXIT.ok;
}
