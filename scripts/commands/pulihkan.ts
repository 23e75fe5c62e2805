import type { Command } from 'commander';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

interface RestoreOptions {
  ke?: string;
  kunciPublik?: string;
  format: string;
}

const FORMATS = ['teks', 'json'] as const;

export function register(program: Command): void {
  program
    .command('pulihkan')
    .argument('<arsip>', 'berkas .tar.gz yang dibuat tayang arsip')
    .description(
      'Memulihkan arsip yang dibuat tayang arsip: situs (dist/), naskah (content/), catatan (records/) dan tayang.config.yml, bita demi bita. ' +
        'Arsip diperiksa dulu persis seperti tayang arsip --periksa (MANIFEST.json, dan tanda tangannya bila arsip.kunci_publik diatur atau --kunci-publik diberikan); ' +
        'arsip yang tidak utuh, atau yang menyebut berkas di luar folder tujuan, tidak dipulihkan sama sekali (keluar 1). ' +
        'Folder tujuan bawaan: folder bernama sama dengan arsipnya (tanpa .tar.gz) di folder tempat perintah dijalankan. Folder yang sudah berisi tidak pernah ditimpa (keluar 2); ' +
        'berkas ditulis ke folder sementara di sampingnya dan baru dipindahkan ke tempatnya bila semuanya selesai.',
    )
    .option('--ke <folder>', 'folder tujuan (belum ada, atau kosong)')
    .option('--kunci-publik <berkas>', 'berkas .pub kunci arsip kantor, menggantikan arsip.kunci_publik di tayang.config.yml')
    .option('--format <format>', 'teks atau json', 'teks')
    .action((archive: string, options: RestoreOptions) => runAction(() => runRestore(archive, options)));
}

async function runRestore(archive: string, options: RestoreOptions): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    exitWithProblems([{ file: 'tayang pulihkan', field: '--format', message: `format "${options.format}" tidak dikenal.`, fix: 'pilih teks atau json.' }]);
  }
  const { loadTrustedKeys } = await import('../../src/lib/archive/keys.ts');
  const { defaultRestoreFolder, restoreArchive } = await import('../../src/lib/archive/restore.ts');
  const render = await import('../../src/lib/archive/render.ts');
  const trustedKeys = await loadTrustedKeys({ keyFile: options.kunciPublik });
  if (!trustedKeys.ok) exitWithProblems(trustedKeys.problems);
  const restored = await restoreArchive(archive, options.ke ?? defaultRestoreFolder(archive), { trustedKeys: trustedKeys.value });
  if (!restored.ok) exitWithProblems(restored.problems);
  const output = options.format === 'json' ? JSON.stringify(render.renderRestorationJson(restored.value), null, 2) : render.renderRestorationText(restored.value);
  process.stdout.write(`${output}\n`);
  return restored.value.state === 'restored' ? EXIT.ok : EXIT.findings;
}
