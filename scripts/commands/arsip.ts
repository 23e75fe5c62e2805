import type { Command } from 'commander';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

interface ArchiveOptions {
  dist: string;
  keluar: string;
  format: string;
  periksa?: string;
  kunciPublik?: string;
}

const FORMATS = ['teks', 'json'] as const;

export function register(program: Command): void {
  program
    .command('arsip')
    .description(
      'Arsip situs yang terbit: satu berkas <kantor>-<TTTT-BB-HH>-<commit>.tar.gz berisi hasil build (dist/), naskah (content/), catatan (records/) dan tayang.config.yml pada commit saat ini, ' +
        'dengan MANIFEST.json (kantor, nomor SOP, commit, waktu, ukuran dan SHA-256 setiap berkas) di dalamnya dan berkas .sha256 di sampingnya. ' +
        'Tanggal dan waktu arsip adalah waktu commit-nya, jadi mengarsipkan ulang commit dan build yang sama menghasilkan berkas yang persis sama.\n' +
        'Dengan --periksa BERKAS: memeriksa setiap berkas di arsip terhadap MANIFEST.json-nya (bukan bita tar-nya, jadi arsip yang dikemas ulang tetap utuh), ' +
        'tanda tangan MANIFEST.json di BERKAS.sig terhadap kunci arsip kantor (arsip.kunci_publik di tayang.config.yml, atau --kunci-publik), dan .sha256 di sampingnya (keluar 1 bila ada yang tidak cocok). ' +
        'Tanpa kunci publik, arsip hanya diperiksa terhadap kerusakan, bukan pemalsuan.',
    )
    .option('--dist <folder>', 'folder hasil build situs', 'dist')
    .option('--keluar <folder>', 'folder tempat arsip ditulis', 'arsip')
    .option('--periksa <berkas>', 'periksa keutuhan arsip .tar.gz yang sudah ada, alih-alih membuat arsip')
    .option('--kunci-publik <berkas>', 'berkas .pub kunci arsip kantor untuk --periksa, menggantikan arsip.kunci_publik di tayang.config.yml')
    .option('--format <format>', 'teks atau json', 'teks')
    .action((options: ArchiveOptions) => runAction(() => runArchive(options)));
}

async function runArchive(options: ArchiveOptions): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    exitWithProblems([{ file: 'tayang arsip', field: '--format', message: `format "${options.format}" tidak dikenal.`, fix: 'pilih teks atau json.' }]);
  }
  const json = options.format === 'json';
  const render = await import('../../src/lib/archive/render.ts');

  if (options.periksa !== undefined) {
    const { isIntact, verifyArchive } = await import('../../src/lib/archive/verify.ts');
    const { loadTrustedKeys } = await import('../../src/lib/archive/keys.ts');
    const trustedKeys = await loadTrustedKeys({ keyFile: options.kunciPublik });
    if (!trustedKeys.ok) exitWithProblems(trustedKeys.problems);
    const verification = await verifyArchive(options.periksa, { trustedKeys: trustedKeys.value });
    if (!verification.ok) exitWithProblems(verification.problems);
    const output = json ? JSON.stringify(render.renderVerificationJson(verification.value), null, 2) : render.renderVerificationText(verification.value);
    process.stdout.write(`${output}\n`);
    return isIntact(verification.value) ? EXIT.ok : EXIT.findings;
  }

  const { loadConfigFile } = await import('../../src/lib/config/load.ts');
  const { collectArchiveSources } = await import('../../src/lib/archive/sources.ts');
  const { writeArchive } = await import('../../src/lib/archive/write.ts');
  const [config, sources] = await Promise.all([loadConfigFile(), collectArchiveSources('.', options.dist)]);
  if (!config.ok || !sources.ok) exitWithProblems([...(config.ok ? [] : config.problems), ...(sources.ok ? [] : sources.problems)]);
  const written = await writeArchive(config.value, sources.value, options.keluar);
  const output = json ? JSON.stringify(render.renderWrittenJson(written), null, 2) : render.renderWrittenText(written);
  process.stdout.write(`${output}\n`);
  return EXIT.ok;
}
