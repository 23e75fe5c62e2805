import type { Problem } from '../errors/problem.ts';
import { locatePath, parseLocatedYaml } from '../errors/yaml-location.ts';
import type { Config } from './schema.ts';

/**
 * Dates in the config that quietly go out of date: the SOP's review date, which the office
 * must keep (an SOP is reviewed at least yearly, some twice a year), and the holiday list, which
 * every working-time figure depends on and which the government sets anew each year (SKB of the
 * Ministers of Religious Affairs, Manpower and Administrative Reform).
 */
export function findStaleDates(config: Pick<Config, 'sop' | 'jam_kerja'>, today: string): Omit<Problem, 'file'>[] {
  const stale: Omit<Problem, 'file'>[] = [];
  if (isReviewOverdue(config.sop, today)) {
    stale.push({
      field: 'sop.tinjauan_berikutnya',
      message: `tanggal tinjauan SOP (${config.sop.tinjauan_berikutnya}) sudah lewat; situs menampilkan SOP ini sebagai "terlambat ditinjau".`,
      fix: 'tinjau SOP bersama pejabat yang mengesahkannya, lalu tulis tanggal tinjauan berikutnya; bila isinya berubah, perbarui juga `sop.nomor` dan `sop.tanggal_efektif`.',
    });
  }
  const year = today.slice(0, 4);
  if (!config.jam_kerja.libur.some((day) => day.startsWith(`${year}-`))) {
    stale.push({
      field: 'jam_kerja.libur',
      message: `daftar hari libur tidak berisi satu pun tanggal tahun ${year}, jadi lama persetujuan tahun ini dihitung seolah tidak ada hari libur.`,
      fix: `tambahkan libur nasional dan cuti bersama tahun ${year} menurut SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB, serta libur daerah kantor Anda.`,
    });
  }
  return stale;
}

/** Whether the SOP's review date (`sop.tinjauan_berikutnya`) has passed; `today` is YYYY-MM-DD, office time. */
export function isReviewOverdue(sop: Config['sop'], today: string): boolean {
  return sop.tinjauan_berikutnya !== undefined && sop.tinjauan_berikutnya < today;
}

/** The stale dates as warnings on the lines of the config file that hold them. */
export function describeStaleDates(config: Pick<Config, 'sop' | 'jam_kerja'>, configText: string, file: string, today: string): Problem[] {
  const located = parseLocatedYaml(configText);
  return findStaleDates(config, today).map((stale) => ({ file, line: locatePath(located, stale.field!.split('.'))?.line, ...stale }));
}
