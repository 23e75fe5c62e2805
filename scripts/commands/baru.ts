import type { Command } from 'commander';
import { CONTENT_ROOT, CONTENT_TYPES } from '../../src/lib/content/types.ts';
import { EXIT, exitWithProblems, openGithubRepository, runAction } from '../cli.ts';

export function register(program: Command): void {
  program
    .command('baru')
    .usage('[pilihan] <jenis> "<judul>" | --dari-issue <nomor>')
    .description(
      'Membuat item konten baru: folder content/<jenis>/<nama-dari-judul>/ berisi index.md dengan ' +
        'frontmatter yang siap diisi dan daftar periksa. Teks [GANTI: …] wajib diganti sebelum terbit; ' +
        'folder yang sudah ada tidak pernah ditimpa.\n' +
        `Jenis: ${CONTENT_TYPES.join(', ')}.\n` +
        'Dengan --dari-issue N: jenis, judul dan klasifikasi diambil dari issue "Permintaan publikasi" #N (lewat API GitHub: GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL), ' +
        'isi permintaannya ditulis sebagai komentar di berkas; tulis "Menutup #N" di deskripsi PR agar lama penyusunan (sejak issue dibuat) tercatat. ' +
        'Keluar 2 bila issue itu bukan permintaan, sudah ditutup, atau isiannya kurang.',
    )
    .argument('[jenis]', 'jenis konten, misalnya berita (tanpa --dari-issue)')
    .argument('[judul]', 'judul item dalam tanda kutip, misalnya "Musrenbang Kecamatan 2026" (tanpa --dari-issue)')
    // Default given here, not to commander, which would append an English "(default: …)".
    .option('--folder <folder>', `folder konten (bawaan: ${CONTENT_ROOT})`)
    .option('--dari-issue <nomor>', 'mulai dari issue "Permintaan publikasi" bernomor ini')
    .action((jenis: string | undefined, judul: string | undefined, options: { folder?: string; dariIssue?: string }) =>
      runAction(() => createItem(jenis, judul, options.folder ?? CONTENT_ROOT, options.dariIssue)),
    );
}

async function createItem(jenisArgument: string | undefined, judulArgument: string | undefined, folder: string, issueNumber: string | undefined): Promise<number> {
  const { planNewItem, writeNewItem } = await import('../../src/lib/content/new-item.ts');
  const { localToday } = await import('../../src/lib/content/time.ts');
  const { loadOfficeZone } = await import('../../src/lib/content/load.ts');
  const where = 'tayang baru';
  if (issueNumber !== undefined && jenisArgument !== undefined) {
    exitWithProblems([{ file: where, field: '--dari-issue', message: 'jenis dan judul diambil dari issue permintaan, jadi tidak ditulis lagi.', fix: `tulis tayang baru --dari-issue ${issueNumber} saja.` }]);
  }
  if (issueNumber === undefined && (jenisArgument === undefined || judulArgument === undefined)) {
    exitWithProblems([{ file: where, message: 'jenis dan judul belum ditulis.', fix: 'tulis misalnya: tayang baru berita "Musrenbang Kecamatan 2026", atau tayang baru --dari-issue 12.' }]);
  }
  const request = issueNumber === undefined ? undefined : await readRequest(issueNumber);
  const today = localToday(new Date(), await loadOfficeZone());
  const plan = await planNewItem(folder, request?.jenis ?? jenisArgument!, request?.judul ?? judulArgument!, today, request);
  if (!plan.ok) exitWithProblems(plan.problems);
  const problems = await writeNewItem(plan.value);
  if (problems.length > 0) exitWithProblems(problems);
  process.stdout.write(
    `Dibuat: ${plan.value.file}${request ? ` dari permintaan publikasi #${request.number}` : ''}\n` +
      (request ? `Tulis "Menutup #${request.number}" di deskripsi pull request-nya: lama penyusunan dihitung sejak permintaan itu dibuat.\n` : '') +
      'Langkah berikutnya: isi semua teks [GANTI: …], unggah gambar dan berkas yang disebut ke folder yang sama,\n' +
      'lalu periksa dengan `npx tayang periksa` sebelum membuka pull request.\n',
  );
  return EXIT.ok;
}

async function readRequest(number: string) {
  if (!/^[1-9]\d*$/.test(number)) exitWithProblems([{ file: 'tayang baru', field: '--dari-issue', message: `"${number}" bukan nomor issue.`, fix: 'tulis nomornya saja, misalnya --dari-issue 12.' }]);
  const { RequestIssueSchema, parseRequest } = await import('../../src/lib/content/request.ts');
  const { validateData } = await import('../../src/lib/errors/validate.ts');
  const { client, owner, repo } = await openGithubRepository();
  let data: unknown;
  try {
    data = (await client.rest.issues.get({ owner, repo, issue_number: Number(number) })).data;
  } catch (error) {
    const status = (error as { status?: number }).status;
    exitWithProblems([
      {
        file: `issue #${number}`,
        message: status === 404 ? `issue #${number} tidak ada di ${owner}/${repo}.` : `issue #${number} tidak terbaca dari GitHub (${(error as Error).message}).`,
        fix: 'periksa nomornya di tab Issues, dan GITHUB_TOKEN yang boleh membaca repositori ini.',
      },
    ]);
  }
  const issue = validateData(RequestIssueSchema, data, `issue #${number}`);
  if (!issue.ok) exitWithProblems(issue.problems);
  const request = parseRequest(issue.value);
  if (!request.ok) exitWithProblems(request.problems);
  return request.value;
}
