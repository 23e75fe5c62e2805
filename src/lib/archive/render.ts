import type { Discrepancy, ManifestFile } from './manifest.ts';
import type { Restoration } from './restore.ts';
import { isIntact, SIGNATURE_SUFFIX, type Verification } from './verify.ts';
import type { WrittenArchive } from './write.ts';

/** What `tayang arsip` prints: Indonesian text for people, English-keyed JSON for tools. */

const PARTS: [prefix: string, label: string][] = [
  ['dist/', 'situs'],
  ['content/', 'naskah'],
  ['records/', 'catatan'],
];

/** "situs 4, naskah 2, catatan 1" */
function countParts(files: readonly ManifestFile[]): string {
  return PARTS.map(([prefix, label]) => `${label} ${files.filter((f) => f.path.startsWith(prefix)).length}`).join(', ');
}

export function renderWrittenText(written: WrittenArchive): string {
  const { manifest } = written;
  return [
    `Arsip dibuat: ${written.archive}`,
    `  Kantor: ${manifest.office.name} — SOP ${manifest.sop.number}`,
    `  Commit: ${manifest.commit} (${manifest.created_at})`,
    `  Isi: ${manifest.files.length} berkas (${countParts(manifest.files)}, ditambah konfigurasi) dan MANIFEST.json; ${formatBytes(written.bytes)} terkompresi`,
    `  SHA-256: ${written.sha256} (tersimpan di ${written.checksumFile})`,
    `  Periksa kapan saja: npx tayang arsip --periksa ${written.archive}`,
  ].join('\n');
}

export function renderWrittenJson(written: WrittenArchive) {
  return {
    archive: written.archive,
    sha256: written.sha256,
    sha256_file: written.checksumFile,
    bytes: written.bytes,
    commit: written.manifest.commit,
    created_at: written.manifest.created_at,
    files: written.manifest.files.length,
  };
}

export function renderVerificationText(v: Verification): string {
  const intact = isIntact(v);
  const signed = v.signature.state !== 'unchecked';
  const sig = `${v.archive}${SIGNATURE_SUFFIX}`;
  const lines = [!intact ? `Arsip TIDAK utuh: ${v.archive}` : signed ? `Arsip utuh: ${v.archive}` : `Arsip utuh dari kerusakan (pemalsuan tidak diperiksa): ${v.archive}`];
  if (v.manifest) lines.push(`  ${v.manifest.office.name}, commit ${v.manifest.commit.slice(0, 7)} (${v.manifest.created_at}); ${v.manifest.files.length} berkas tercantum di MANIFEST.json.`);
  if (v.damage) lines.push(`  - ${v.damage}.`);
  for (const d of v.discrepancies) lines.push(`  - ${describeDiscrepancy(d)}`);
  switch (v.signature.state) {
    case 'valid':
      lines.push(`  Tanda tangan sah: MANIFEST.json ditandatangani kunci arsip kantor ${v.signature.signer.fingerprint}${v.signature.signer.comment ? ` (${v.signature.signer.comment})` : ''}.`);
      break;
    case 'invalid':
      lines.push(`  - Tanda tangan ${sig} TIDAK sah: ${v.signature.reason}.`);
      break;
    case 'absent':
      lines.push(`  - Arsip tidak bertanda tangan: tidak ada ${sig} di sampingnya, padahal kantor memakai kunci arsip. Tanpa tanda tangan, arsip yang dipalsukan tidak bisa dibedakan dari yang asli.`);
  }
  if (v.checksum === 'match') lines.push(`  SHA-256 seluruh arsip cocok dengan ${v.archive}.sha256.`);
  if (v.checksum === 'mismatch' && intact) {
    lines.push(`  (SHA-256 seluruh berkas berbeda dari ${v.archive}.sha256: berkas ini dikemas ulang, atau .sha256-nya milik berkas lain; isinya tetap sama persis dengan MANIFEST.json${signed ? ' yang bertanda tangan' : ''}.)`);
  }
  if (v.checksum === 'mismatch' && !intact) lines.push(`  - SHA-256 seluruh arsip juga TIDAK cocok dengan ${v.archive}.sha256.`);
  if (v.checksum === 'absent') lines.push(`  (Tidak ada ${v.archive}.sha256 di sampingnya; isi arsip diperiksa terhadap MANIFEST.json.)`);
  if (intact) lines.push(`  Semua ${v.files} berkas cocok ukuran dan SHA-256-nya.`);
  if (!intact) lines.push('  Jangan pakai arsip ini sebagai salinan resmi; ambil salinan lain (artefak atau rilis GitHub) dan periksa lagi.');
  if (v.signature.state === 'unchecked') {
    lines.push(
      '  Perhatian: kunci publik arsip kantor belum diatur (arsip.kunci_publik di tayang.config.yml, atau --kunci-publik). ' +
        'Siapa pun yang mengubah isi arsip bisa menghitung ulang MANIFEST.json dan .sha256-nya, jadi pemeriksaan ini hanya menemukan kerusakan, bukan pemalsuan. ' +
        `Cara memasang kunci: docs/arsip.md.${v.signature.present ? ` (${sig} ada, tetapi tidak bisa diperiksa tanpa kunci publik.)` : ''}`,
    );
  }
  return lines.join('\n');
}

export function renderVerificationJson(v: Verification) {
  const { signature } = v;
  return {
    archive: v.archive,
    intact: isIntact(v),
    /** False when no key is configured: "intact" then means undamaged, not unforged. */
    forgery_checked: signature.state !== 'unchecked',
    commit: v.manifest?.commit ?? null,
    created_at: v.manifest?.created_at ?? null,
    files: v.files,
    checksum: v.checksum,
    signature: {
      state: signature.state,
      file: `${v.archive}${SIGNATURE_SUFFIX}`,
      key: signature.state === 'valid' ? signature.signer.fingerprint : null,
      reason: signature.state === 'invalid' ? signature.reason : null,
    },
    discrepancies: v.discrepancies,
    damage: v.damage ?? null,
  };
}

/** `tayang pulihkan`: the check exactly as `arsip --periksa` prints it, then what was restored or why nothing was. */
export function renderRestorationText(r: Restoration): string {
  const lines = [renderVerificationText(r.verification)];
  if (r.state === 'restored') {
    const dist = `${r.to}/dist`;
    lines.push(
      `Dipulihkan ke ${r.to}/: ${r.files.length} berkas (${countParts(r.files)}, ditambah konfigurasi), bita demi bita seperti tercantum di MANIFEST.json.`,
      `  Lihat situsnya: python3 -m http.server 8080 --directory ${dist}, lalu buka http://localhost:8080.`,
      `  Terbitkan ulang dari repositori kantor: npx tayang terbitkan --dist ${dist}. Naskah, catatan dan konfigurasi ada di ${r.to}/content, ${r.to}/records dan ${r.to}/tayang.config.yml.`,
    );
  } else if (r.unsafe.length > 0) {
    lines.push(
      `Tidak dipulihkan: MANIFEST.json arsip ini menyebut ${r.unsafe.length} berkas di luar bagian arsip Tayang (dist/, content/, records/, tayang.config.yml) atau di luar folder tujuan: ${r.unsafe.slice(0, 5).join(', ')}${r.unsafe.length > 5 ? ', …' : ''}.`,
      '  Arsip seperti ini tidak dibuat tayang arsip, dan membukanya bisa menulis berkas di luar folder tujuan. Tidak ada berkas yang ditulis; ambil salinan lain (artefak atau rilis GitHub) dan pulihkan dari sana.',
    );
  } else {
    lines.push('Tidak dipulihkan: arsip ini tidak utuh, jadi tidak ada berkas yang ditulis.');
  }
  return lines.join('\n');
}

export function renderRestorationJson(r: Restoration) {
  return {
    restored: r.state === 'restored',
    to: r.state === 'restored' ? r.to : null,
    files: r.state === 'restored' ? r.files.length : 0,
    unsafe_paths: r.state === 'refused' ? r.unsafe : [],
    verification: renderVerificationJson(r.verification),
  };
}

function describeDiscrepancy(d: Discrepancy): string {
  switch (d.kind) {
    case 'missing':
      return `${d.path}: tercantum di MANIFEST.json tetapi tidak ada di arsip.`;
    case 'unexpected':
      return `${d.path}: ada di arsip tetapi tidak tercantum di MANIFEST.json.`;
    case 'duplicate':
      return `${d.path}: muncul lebih dari sekali di arsip.`;
    case 'special':
      return `${d.path}: bukan berkas biasa (tautan atau berkas khusus); arsip Tayang hanya berisi berkas dan folder.`;
    case 'mixed':
      return `${d.path}: situs di arsip ini dibangun dari naskah, catatan atau konfigurasi yang berbeda dari yang diarsipkan di sampingnya.`;
    case 'changed':
      return d.expected.size === d.actual.size
        ? `${d.path}: isinya berubah (SHA-256 berbeda, ukuran sama ${d.actual.size} bita).`
        : `${d.path}: isinya berubah (ukuran ${d.expected.size} → ${d.actual.size} bita).`;
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bita`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString('id-ID', { maximumFractionDigits: 1 })} ${units[unit]}`;
}
