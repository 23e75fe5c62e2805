import type { Command } from 'commander';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

interface DeployOptions {
  dist: string;
  tujuan?: boolean;
}

export function register(program: Command): void {
  program
    .command('terbitkan')
    .description(
      'Mengunggah situs yang sudah dibangun (dist/) ke tujuan di `publikasi.situs`: folder, server (rsync lewat SSH atau SFTP) ' +
        'atau penyimpanan S3-compatible di Indonesia (PP 71/2019). GitHub Pages diunggah oleh workflow sendiri.',
    )
    .option('--dist <folder>', 'folder hasil build', 'dist')
    .option('--tujuan', 'hanya cetak jenis tujuan (pages, folder, rsync, sftp, s3), untuk workflow')
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
  const { existsSync } = await import('node:fs');
  if (!existsSync(options.dist)) {
    exitWithProblems([{ file: options.dist, message: 'folder hasil build tidak ada.', fix: 'jalankan `npx astro build` (atau `npm run build`) lebih dulu.' }]);
  }
  const deploy = await import('../../src/lib/publish/deploy.ts');
  let report;
  switch (target.tujuan) {
    case 'pages':
      process.stdout.write('Tujuan GitHub Pages: situs diunggah oleh langkah actions/upload-pages-artifact dan actions/deploy-pages di workflow terbit.\n');
      return EXIT.ok;
    case 'folder':
      report = await deploy.deployToFolder(options.dist, target.folder);
      break;
    case 'rsync':
      report = await deploy.deployWithRsync(options.dist, target);
      break;
    case 'sftp': {
      const [privateKey, knownHosts] = requireSecrets(
        ['TAYANG_SSH_KEY', 'TAYANG_SSH_KNOWN_HOSTS'],
        'kunci SSH atau kunci server (known_hosts) tidak ada.',
        'simpan kunci privat deploy sebagai secret TAYANG_SSH_KEY dan hasil `ssh-keyscan -p PORT server` sebagai TAYANG_SSH_KNOWN_HOSTS (lihat docs/terbit.md).',
      );
      report = await deploy.deployWithSftp(options.dist, target, { privateKey, knownHosts });
      break;
    }
    case 's3': {
      const [accessKeyId, secretAccessKey] = requireSecrets(
        ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
        'kunci penyimpanan S3 tidak ada.',
        'simpan kunci dari penyedia penyimpanan sebagai secret repositori AWS_ACCESS_KEY_ID dan AWS_SECRET_ACCESS_KEY (lihat docs/terbit.md).',
      );
      report = await deploy.deployToS3(options.dist, target, { accessKeyId, secretAccessKey });
      break;
    }
  }
  process.stdout.write(`Situs terunggah ke ${report.where}: ${report.uploaded} berkas, ${report.deleted} berkas lama dihapus.\n`);
  return EXIT.ok;
}

/** Deploy secrets come from the environment; a missing one stops the run saying how to set it. */
function requireSecrets(names: [string, string], message: string, fix: string): [string, string] {
  const values = names.map((name) => process.env[name] ?? '') as [string, string];
  if (values.some((value) => value === '')) exitWithProblems([{ file: 'lingkungan (variabel env)', field: names.join(' / '), message, fix }]);
  return values;
}
