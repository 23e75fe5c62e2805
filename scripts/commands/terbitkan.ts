import type { Command } from 'commander';
import type { DeployTarget } from '../../src/lib/config/publikasi.ts';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

interface DeployOptions {
  dist: string;
  tujuan?: boolean;
  kembalikan?: boolean;
}

export function register(program: Command): void {
  program
    .command('terbitkan')
    .description(
      'Mengunggah situs yang sudah dibangun (dist/) ke tujuan di `publikasi.situs`: folder, server (rsync lewat SSH atau SFTP) ' +
        'atau penyimpanan S3-compatible di Indonesia (PP 71/2019). GitHub Pages diunggah oleh workflow sendiri. ' +
        'Setiap penerbitan menjadi satu rilis utuh yang baru tayang setelah lengkap; `simpan_rilis` rilis terakhir disimpan untuk --kembalikan.',
    )
    .option('--dist <folder>', 'folder hasil build', 'dist')
    .option('--tujuan', 'hanya cetak jenis tujuan (pages, folder, rsync, sftp, s3), untuk workflow')
    .option(
      '--kembalikan',
      'kembalikan situs ke rilis sebelum yang sedang tayang (folder, rsync, SFTP: satu penggantian tautan; S3: dari salinan rilis di bucket). ' +
        'Jalan Terbit berikutnya menerbitkan main lagi, jadi batalkan juga perubahannya lewat PR yang disetujui.',
    )
    .action((options: DeployOptions) => runAction(() => runDeploy(options)));
}

async function runDeploy(options: DeployOptions): Promise<number> {
  const { loadConfigFile } = await import('../../src/lib/config/load.ts');
  const config = await loadConfigFile();
  if (!config.ok) exitWithProblems(config.problems);
  const target = config.value.publikasi.situs;
  if (options.tujuan) {
    process.stdout.write(`${target.tujuan}\n`);
    return EXIT.ok;
  }
  if (target.tujuan === 'pages') {
    if (options.kembalikan) {
      exitWithProblems([
        {
          file: 'tayang.config.yml',
          field: 'publikasi.situs.tujuan',
          message: 'GitHub Pages tidak menyimpan rilis yang bisa dikembalikan Tayang.',
          fix: 'batalkan (revert) perubahannya lewat PR yang disetujui; workflow Terbit lalu menerbitkan hasilnya.',
        },
      ]);
    }
    process.stdout.write('Tujuan GitHub Pages: situs diunggah oleh langkah actions/upload-pages-artifact dan actions/deploy-pages di workflow terbit.\n');
    return EXIT.ok;
  }
  if (options.kembalikan) return runRollback(target);
  const { existsSync } = await import('node:fs');
  if (!existsSync(options.dist)) {
    exitWithProblems([{ file: options.dist, message: 'folder hasil build tidak ada.', fix: 'jalankan `npx astro build` (atau `npm run build`) lebih dulu.' }]);
  }
  const release = { keep: target.simpan_rilis, now: new Date() };
  let report;
  switch (target.tujuan) {
    case 'folder': {
      const { deployToFolder } = await import('../../src/lib/publish/deploy.ts');
      report = await deployToFolder(options.dist, target.folder, release);
      break;
    }
    case 'rsync': {
      const { deployWithRsync } = await import('../../src/lib/publish/deploy.ts');
      report = await deployWithRsync(options.dist, target, release);
      break;
    }
    case 'sftp': {
      const { deployWithSftp } = await import('../../src/lib/publish/deploy.ts');
      report = await deployWithSftp(options.dist, target, sshSecrets(), release);
      break;
    }
    case 's3': {
      const { deployToS3 } = await import('../../src/lib/publish/deploy-s3.ts');
      report = await deployToS3(options.dist, target, s3Secrets(), release);
      break;
    }
  }
  const previous = report.previous ? ` Rilis sebelumnya ${report.previous} bisa dikembalikan dengan \`tayang terbitkan --kembalikan\`.` : '';
  const removed = report.removedReleases.length > 0 ? ` ${report.removedReleases.length} rilis lama dihapus (simpan_rilis: ${target.simpan_rilis}).` : '';
  process.stdout.write(`Situs terunggah ke ${report.where} sebagai rilis ${report.release}: ${report.uploaded} berkas, ${report.deleted} berkas lama tidak tayang lagi.${previous}${removed}\n`);
  writeWarnings(report.warnings);
  return EXIT.ok;
}

async function runRollback(target: Exclude<DeployTarget, { tujuan: 'pages' }>): Promise<number> {
  let report;
  switch (target.tujuan) {
    case 'folder': {
      const { rollbackFolder } = await import('../../src/lib/publish/deploy.ts');
      report = await rollbackFolder(target.folder);
      break;
    }
    case 'rsync': {
      const { rollbackRsync } = await import('../../src/lib/publish/deploy.ts');
      report = await rollbackRsync(target);
      break;
    }
    case 'sftp': {
      const { rollbackSftp } = await import('../../src/lib/publish/deploy.ts');
      report = await rollbackSftp(target, sshSecrets());
      break;
    }
    case 's3': {
      const { rollbackS3 } = await import('../../src/lib/publish/deploy-s3.ts');
      report = await rollbackS3(target, s3Secrets());
      break;
    }
  }
  process.stdout.write(
    `Situs di ${report.where} dikembalikan ke rilis ${report.release} (sebelumnya ${report.replaced}).\n` +
      'Jalan Terbit berikutnya (setiap push ke main dan setiap jam) menerbitkan main lagi: batalkan (revert) perubahan yang salah lewat PR yang disetujui, ' +
      'atau nonaktifkan workflow Terbit sementara sampai pembatalannya digabung.\n',
  );
  writeWarnings(report.warnings);
  return EXIT.ok;
}

function writeWarnings(warnings: readonly string[]): void {
  for (const warning of warnings) process.stderr.write(`Peringatan: ${warning}\n`);
}

function sshSecrets(): { privateKey: string; knownHosts: string } {
  const [privateKey, knownHosts] = requireSecrets(
    ['TAYANG_SSH_KEY', 'TAYANG_SSH_KNOWN_HOSTS'],
    'kunci SSH atau kunci server (known_hosts) tidak ada.',
    'simpan kunci privat deploy sebagai secret TAYANG_SSH_KEY dan hasil `ssh-keyscan -p PORT server` sebagai TAYANG_SSH_KNOWN_HOSTS (lihat docs/terbit.md).',
  );
  return { privateKey, knownHosts };
}

function s3Secrets(): { accessKeyId: string; secretAccessKey: string } {
  const [accessKeyId, secretAccessKey] = requireSecrets(
    ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
    'kunci penyimpanan S3 tidak ada.',
    'simpan kunci dari penyedia penyimpanan sebagai secret repositori AWS_ACCESS_KEY_ID dan AWS_SECRET_ACCESS_KEY (lihat docs/terbit.md).',
  );
  return { accessKeyId, secretAccessKey };
}

/** Deploy secrets come from the environment; a missing one stops the run saying how to set it. */
function requireSecrets(names: [string, string], message: string, fix: string): [string, string] {
  const values = names.map((name) => process.env[name] ?? '') as [string, string];
  if (values.some((value) => value === '')) exitWithProblems([{ file: 'lingkungan (variabel env)', field: names.join(' / '), message, fix }]);
  return values;
}
