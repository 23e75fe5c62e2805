import type { Outcome } from './kirim.ts';
import type { Target } from './ledger.ts';

export const TARGET_NAMES: Record<Target, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  x: 'X',
  youtube: 'YouTube',
  whatsapp: 'WhatsApp',
  satu_data: 'Satu Data',
};

/** One line per post (the dry run's steps below it), for the terminal and the workflow log. */
export function renderOutcomesText(outcomes: readonly Outcome[]): string {
  if (outcomes.length === 0) return 'Tidak ada yang perlu dikirim.';
  return outcomes
    .map((o) => {
      if (o.state === 'moved') return `${o.item}: folder ini dulu ${o.from}; catatan kirimannya ikut pindah, jadi yang sudah terkirim tidak dikirim lagi.`;
      const name = TARGET_NAMES[o.target];
      const head = `${o.item} — ${name}: `;
      const check = `Periksa akun ${name} kantor: bila kiriman sudah tampil, balas /tautan ${o.target} <alamat kiriman> di PR-nya; bila belum, balas /tautan ${o.target} ulang.`;
      switch (o.state) {
        case 'posted':
          return `${head}terkirim ${o.url}`;
        case 'failed':
          return `${head}GAGAL (percobaan ke-${o.attempts}): ${o.error} — dicoba lagi pada jalan berikutnya.`;
        case 'deferred':
          return `${head}tidak dicoba: ${o.reason}. Dicoba lagi pada jalan berikutnya.`;
        case 'skipped':
          return `${head}${o.reason === 'posted' ? `sudah terkirim sebelumnya${o.url ? ` ${o.url}` : ''}` : o.reason === 'manual' ? 'menunggu tautan kiriman manual' : 'belum pasti terkirim; menunggu pemeriksaan (/tautan)'}.`;
        case 'uncertain':
          return o.error
            ? `${head}BELUM PASTI terkirim: ${o.error}. Platform mungkin sudah menerimanya, jadi TIDAK dikirim ulang. ${check}`
            : `${head}jalan sebelumnya terhenti saat mengirim; TIDAK dikirim ulang. ${check}`;
        case 'manual':
          return `${head}kirim manual teks dari kit, lalu laporkan tautannya dengan /tautan ${o.target} <url>.`;
        case 'intent':
          return `${head}niat kirim dicatat.`;
        case 'dry-run':
          return `${head}uji kering (${o.reason === 'kering' ? '--kering' : 'token tidak ada'}); yang akan dikirim:\n${o.plan.replace(/^/gm, '    ')}`;
      }
    })
    .join('\n');
}
