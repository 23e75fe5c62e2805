import type { Command } from 'commander';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

interface SendCommandOptions {
  berubah?: string | true;
  antrean?: boolean;
  kit: string;
  kitUrl?: string;
  kering?: boolean;
  niat?: boolean;
  format: string;
}

export function register(program: Command): void {
  program
    .command('kirim')
    .description(
      'Mengirim kit media sosial ke Facebook, Instagram dan X, dan item data ke portal Satu Data (CKAN), lalu ' +
        'mencatat hasilnya di records/kirim/. Tidak pernah mengirim dua kali; yang gagal dicoba lagi lain kali. ' +
        'Kiriman yang jawabannya hilang (tidak dijawab dalam batas waktu, sambungan putus, HTTP 5xx) dicatat "belum pasti" dan tidak dikirim ulang ' +
        'sampai kantor memeriksa akunnya dan membalas /tautan di PR. ' +
        'Platform yang tokennya tidak ada hanya ditampilkan (uji kering). Keluar 1 bila ada kiriman yang gagal, belum pasti, atau belum dicoba.',
    )
    .argument('[item...]', 'folder item, misalnya content/berita/musrenbang-2026')
    .option('--berubah [ref]', 'hanya item yang berubah sejak REF (bawaan: titik cabang dari main)')
    .option('--antrean', 'item yang kirimannya belum tuntas menurut catatan, dan item terjadwal yang waktunya sudah tiba')
    .option('--kit <folder>', 'folder kit dari `tayang sosial`', 'dist/sosial')
    .option('--kit-url <url>', 'alamat publik folder kit di situs (bawaan: <situs>/sosial/)')
    .option('--kering', 'uji kering: tampilkan persis apa yang akan dikirim, tanpa mengirim dan tanpa mencatat')
    .option('--niat', 'hanya catat niat kirim (workflow meng-commit catatan ini sebelum benar-benar mengirim)')
    .option('--format <format>', 'teks atau json', 'teks')
    .action((items: string[], options: SendCommandOptions) => runAction(() => runSend(items, options)));
}

async function runSend(paths: string[], options: SendCommandOptions): Promise<number> {
  if (!['teks', 'json'].includes(options.format)) {
    exitWithProblems([{ file: 'tayang kirim', field: '--format', message: `format "${options.format}" tidak dikenal.`, fix: 'pilih teks atau json.' }]);
  }
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { loadPublishContext } = await import('../../src/lib/publish/context.ts');
  const { planSending, readCredentials, readEndpoints, runId, sendPlanned } = await import('../../src/lib/publish/kirim.ts');
  const { renderOutcomesText } = await import('../../src/lib/publish/render.ts');
  const { absoluteUrl, withBase } = await import('../../src/lib/site/urls.ts');
  const { formatProblems } = await import('../../src/lib/errors/problem.ts');
  const { MANIFEST_FILE } = await import('../../src/lib/social/write.ts');

  const now = new Date();
  const context = await loadPublishContext(paths, options, now, process.env);
  if (context.problems.length > 0) process.stderr.write(`${formatProblems(context.problems)}\n`);
  const manifestPath = join(options.kit, MANIFEST_FILE);
  let posts;
  try {
    posts = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch {
    return exitWithProblems([{ file: manifestPath, message: 'kit media sosial tidak ditemukan.', fix: 'jalankan `tayang sosial` dengan pilihan item yang sama lebih dulu (di workflow: sesudah build, sebelum deploy).' }]);
  }
  const credentials = readCredentials(process.env);
  const { plans, manual } = await planSending({
    items: context.items,
    posts,
    config: context.config,
    kit: { dir: options.kit, publicUrl: options.kitUrl ?? absoluteUrl(context.config.kantor.situs, withBase(context.base, 'sosial/')) },
    credentials,
    endpoints: readEndpoints(process.env),
    root: '.',
    base: context.base,
  });
  const outcomes = await sendPlanned(plans, manual, context.ledger, {
    root: '.',
    run: runId(process.env, now),
    now: () => new Date(),
    credentials,
    dryRun: options.kering ?? false,
    intentOnly: options.niat ?? false,
  });
  process.stdout.write(`${options.format === 'json' ? JSON.stringify(outcomes, null, 2) : renderOutcomesText(outcomes)}\n`);
  return outcomes.some((o) => o.state === 'failed' || o.state === 'uncertain' || o.state === 'deferred') ? EXIT.findings : EXIT.ok;
}
