import { DateTime } from 'luxon';
import { z } from 'zod';
import { CONTENT_TYPES, isContentType } from '../content/types.ts';
import { ArchiveConfigSchema } from './arsip.ts';
import { BrailleConfigSchema } from './braille.ts';
import { ReadAloudConfigSchema } from './dengarkan.ts';
import { parseDuration, type Duration } from './duration.ts';
import { ChecksConfigSchema } from './periksa.ts';
import { publishingRoleIssues, PublishingSchema } from './publikasi.ts';

/**
 * The office's `tayang.config.yml`: its identity, its SOP, working hours, roles and approval
 * flows. Keys are Indonesian because the office edits this file. Types come from the schema.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ID = /^[a-z0-9][a-z0-9_-]*$/;

/** `2025-01-01` (YAML may also hand us a Date if someone quotes oddly; accept both). */
export const DateSchema = z.union([
  z
    .string()
    .regex(DATE, { error: 'tanggal harus ditulis TTTT-BB-HH, misalnya 2025-03-31.' })
    // YAML reads 2026-12-32 as plain text, so an impossible day would otherwise pass unnoticed.
    .refine((text) => DateTime.fromISO(text).isValid, { error: (issue) => `"${issue.input}" bukan tanggal yang ada di kalender; periksa bulan dan harinya.` }),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

const IdSchema = z.string().regex(ID, {
  error: 'pengenal hanya boleh huruf kecil, angka, "-" dan "_", misalnya ketua-ppid.',
});

/** "30 menit" | "5 jam" | "2 hari" | "tentatif". */
export const DurationSchema = z.string().transform((text, ctx): Duration => {
  const duration = parseDuration(text);
  if (duration === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" bukan mutu baku yang dikenal. Tulis seperti "30 menit", "5 jam", "2 hari", atau "tentatif".`,
    });
    return z.NEVER;
  }
  return duration;
});

const DayNames = ['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu'] as const;
export type DayName = (typeof DayNames)[number];

const ChannelsSchema = z.strictObject({
  /** @example "https://www.instagram.com/kecamatanjenawi" */
  instagram: z.url().optional(),
  facebook: z.url().optional(),
  youtube: z.url().optional(),
  x: z.url().optional(),
  /** Link of the office's WhatsApp Channel. */
  whatsapp: z.url().optional(),
  /** Base URL of the regional Satu Data (CKAN) portal. */
  satu_data: z.url().optional(),
});

const FeedbackSchema = z.strictObject({
  /** LAPOR! (SP4N) page for the office. @example "https://www.lapor.go.id/instansi/..." */
  lapor: z.url().optional(),
  email: z.email().optional(),
  /** Link of the repository's feedback issue form, or any other form. */
  formulir: z.url().optional(),
  telepon: z.string().optional(),
});

export const OfficeSchema = z.strictObject({
  /** @example "Kecamatan Jenawi" */
  nama: z.string().min(1),
  /** The parent government. @example "Pemerintah Kabupaten Karanganyar" */
  induk: z.string().min(1),
  alamat: z.string().min(1),
  /** Public URL of the website. @example "https://jenawi.karanganyarkab.go.id" */
  situs: z.url(),
  /** IANA time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  zona_waktu: z.enum(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']).default('Asia/Jakarta'),
  /** The logo (coat of arms of the parent government, or the office's own) under public/, PNG/WebP/JPG. @example "public/logo.png" */
  logo: z
    .string()
    .refine((logo) => /^public\/[^\\]+$/.test(logo) && !logo.split('/').some((part) => part === '' || part === '.' || part === '..'), {
      error: (issue) => `logo "${String(issue.input)}" harus berkas di dalam folder public/, ditulis dari akar repositori tanpa "..", "./" atau garis miring di awal, misalnya public/logo.png; situs menyajikan folder itu apa adanya, berkas di luarnya tidak ikut terbit.`,
      abort: true,
    })
    .refine((logo) => /\.(png|webp|jpe?g)$/i.test(logo), {
      error: (issue) => `logo "${String(issue.input)}" harus berformat PNG, WebP atau JPG (SVG dapat memuat skrip); simpan sekitar 192 × 192 piksel, misalnya public/logo.png.`,
    })
    .optional(),
  kontak: z
    .strictObject({
      telepon: z.string().optional(),
      email: z.email().optional(),
      jam_layanan: z.string().optional(),
    })
    .default({}),
  kanal: ChannelsSchema.default({}),
  umpan_balik: FeedbackSchema.default({}),
});

export const SopSchema = z.strictObject({
  /** @example "800/123/2025" */
  nomor: z.string().min(1),
  nama: z.string().min(1),
  tanggal_efektif: DateSchema,
  /** @example "Camat Jenawi" */
  disahkan_oleh: z.string().min(1),
  tinjauan_berikutnya: DateSchema.optional(),
});

export const WorkingHoursSchema = z
  .strictObject({
    hari: z.array(z.enum(DayNames)).min(1).default(['senin', 'selasa', 'rabu', 'kamis', 'jumat']),
    mulai: z.string().regex(TIME, { error: 'jam ditulis JJ:MM, misalnya "07:30" (pakai tanda kutip).' }).default('07:30'),
    selesai: z.string().regex(TIME, { error: 'jam ditulis JJ:MM, misalnya "16:00" (pakai tanda kutip).' }).default('16:00'),
    /** Public holidays and collective leave days. */
    libur: z.array(DateSchema).default([]),
  })
  .refine((h) => h.mulai < h.selesai, { error: 'jam mulai harus lebih awal daripada jam selesai.', path: ['selesai'] });

const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/**
 * NIP of a civil servant (PNS, and PPPK alike): 18 digits, the first eight the birth date and the
 * fifteenth the sex (1 or 2). Written as printed ("19780512 200312 2 004") or without spaces; kept
 * as digits. Quoted in YAML: unquoted, 18 digits are read as a number and the last ones change.
 */
export const NipSchema = z
  .string({ error: 'NIP ditulis di antara tanda kutip, misalnya nip: "19780512 200312 2 004"; tanpa tanda kutip, angka 18 digit dibaca sebagai bilangan dan digit terakhirnya berubah.' })
  .transform((text) => text.replace(/\s+/g, ''))
  .refine((nip) => /^\d{18}$/.test(nip), {
    error: (issue) => `NIP PNS terdiri atas 18 angka, misalnya "19780512 200312 2 004"; "${issue.input}" berisi ${String(issue.input).replace(/\D/g, '').length} angka.`,
    abort: true,
  })
  .refine((nip) => DateTime.fromFormat(nip.slice(0, 8), 'yyyyMMdd').isValid && /^[12]$/.test(nip[14]!), {
    error: (issue) => `"${issue.input}" bukan NIP yang sah: 8 angka pertama adalah tanggal lahir (TTTTBBHH) dan angka ke-15 jenis kelamin (1 atau 2). Salin NIP dari SK atau kartu pegawai.`,
    abort: true,
  });

/** Who an official is, for the public pages and the approval sheet (never their login). */
const PersonShape = {
  /** Name with titles, as on the official's decree. @example "Sri Handayani, S.Sos." */
  nama: z.string({ error: 'nama pejabat wajib diisi bila anggota ditulis lengkap, misalnya nama: "Sri Handayani, S.Sos."' }).min(1),
  /** @example "Kepala Seksi Pelayanan Umum" */
  jabatan: z.string({ error: 'jabatan wajib diisi bila anggota ditulis lengkap, misalnya jabatan: Kepala Seksi Pelayanan Umum' }).min(1),
  /** 18 digits; leave out for officials who have none (a KPU commissioner, a village official). */
  nip: NipSchema.optional(),
};

export const StandInSchema = z
  .strictObject({
    /** GitHub login of the stand-in (Plt./Plh.). */
    akun: z.string().min(1),
    /** Last day (inclusive, office time zone) the stand-in may act. */
    sampai: DateSchema,
    /** The letter that appoints them. @example "Surat Plh. Camat Nomor 800/45/2025" */
    dasar: z.string().optional(),
    /** Who the stand-in is (with `jabatan`, their own position), as for a member. */
    nama: PersonShape.nama.optional(),
    jabatan: PersonShape.jabatan.optional(),
    nip: PersonShape.nip,
  })
  .refine((s) => (s.nama === undefined) === (s.jabatan === undefined), {
    error: 'tulis nama dan jabatan pengganti bersama-sama, atau tidak keduanya.',
    path: ['jabatan'],
  });

/**
 * A GitHub login, or a team as "@org/slug". "@budi" (a mention) or "org/slug" (no "@") would match
 * nobody and silently leave a stage without approvers, so they are refused.
 */
const AccountSchema = z.string().regex(/^(@[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+|[A-Za-z0-9][A-Za-z0-9-]*)$/, {
  error: 'tulis akun GitHub tanpa "@" (misalnya budi-santoso) atau tim dengan "@" di depan (misalnya "@pemkab/ppid").',
});

/** An official as a person: the account they approve with, and who they are. */
const OfficialSchema = z.strictObject({
  /** @example "sri-ppid-jenawi" */
  akun: z.string().regex(LOGIN, {
    error: 'akun pejabat ditulis sebagai akun GitHub satu orang tanpa "@", misalnya sri-ppid-jenawi; tim ("@organisasi/tim") ditulis sebagai butir tersendiri, tanpa nama dan jabatan.',
  }),
  ...PersonShape,
});

/**
 * A member is a login or team (`budi-santoso`, `"@pemkab/ppid"`), or an official written out as
 * `{ akun, nama, jabatan, nip }`. Both become `{ akun, … }`: approvals compare `akun` only.
 */
const MemberSchema = z.union([AccountSchema.transform((akun) => ({ akun })), OfficialSchema]);

export const RoleSchema = z.strictObject({
  /** @example "PPID Pelaksana" */
  nama: z.string().min(1),
  anggota: z.array(MemberSchema).default([]),
  pengganti: z.array(StandInSchema).default([]),
});

export const StageSchema = z.strictObject({
  id: IdSchema,
  /** @example "Verifikasi Kasubbag" */
  nama: z.string().min(1),
  /** One role, or several when any one of them may approve (Gerokgak: Camat, Sekcam or Kasubag). */
  peran: z.union([IdSchema, z.array(IdSchema).min(1)]).transform((p) => (Array.isArray(p) ? p : [p])),
  /** Approvals needed from the role's members. */
  minimal: z.number().int().min(1).default(1),
  mutu_baku: DurationSchema.default('tentatif'),
  /**
   * The role told when the stage has waited twice its `mutu_baku` (`tayang pengingat`); absent,
   * the role(s) of the flow's last stage. @example sekretaris
   */
  eskalasi: IdSchema.optional(),
});

/**
 * The serta-merta fast lane of a flow (UU 14/2008 Pasal 10: information on threats to life or
 * public order is published at once): a PR labelled `serta-merta` may be published on one
 * approval by a member of `peran`; the flow's normal stages must follow within `tinjauan_susulan`
 * (working time), so it cannot be "tentatif".
 */
export const FastLaneSchema = z.strictObject({
  /** The role(s) whose member may publish at once. @example camat */
  peran: z.union([IdSchema, z.array(IdSchema).min(1)]).transform((p) => (Array.isArray(p) ? p : [p])),
  /** @example "1 hari" */
  tinjauan_susulan: DurationSchema.refine((d) => d !== 'tentatif', {
    error: 'tinjauan susulan jalur serta-merta harus punya batas waktu, misalnya "1 hari" atau "4 jam", bukan "tentatif".',
  }),
});

export const FlowSchema = z
  .strictObject({
    id: IdSchema,
    nama: z.string().min(1),
    /** Content types this flow governs, or ["*"] for every type. */
    jenis: z
      .array(
        z.string().refine((jenis) => jenis === '*' || isContentType(jenis), {
          error: (issue) => `jenis konten "${String(issue.input)}" tidak dikenal. Jenis yang ada: ${CONTENT_TYPES.join(', ')}; atau "*" untuk semua jenis.`,
        }),
      )
      .default([]),
    /** Path globs (any file). @example ["src/**", ".github/**"] */
    berkas: z.array(z.string().min(1)).default([]),
    /** ketat: stages in order; bebas: in any order. */
    urutan: z.enum(['ketat', 'bebas']).default('ketat'),
    /** Time standards of the steps around the approvals (drafting, publishing). */
    mutu_baku: z.record(z.string(), DurationSchema).default({}),
    /**
     * The role that receives the link report after publication. @example "ketua-ppid"
     */
    penerima_laporan: IdSchema.optional(),
    serta_merta: FastLaneSchema.optional(),
    tahap: z.array(StageSchema).min(1),
  })
  .refine((f) => f.jenis.length > 0 || f.berkas.length > 0, {
    error: 'alur harus menyebut `jenis` (jenis konten) atau `berkas` (pola path) yang diaturnya.',
    path: ['jenis'],
  });

/**
 * One entry of the site's main menu: a section (`berita`, `informasi-publik`, `profil`…) or an
 * office page (its folder under content/halaman/), with a label of its own when the default (the
 * section's name, the page's title) does not fit. @example { id: permohonan-informasi, label: Permohonan Informasi }
 */
const MenuEntrySchema = z.preprocess((entry) => (typeof entry === 'string' ? { id: entry } : entry), z.strictObject({ id: IdSchema, label: z.string().trim().min(1, { error: 'label menu tidak boleh kosong atau hanya spasi: tautan tanpa nama tidak bisa dibacakan pembaca layar. Tulis labelnya, misalnya "Permohonan Informasi", atau hapus `label` agar memakai nama bagian atau judul halamannya.' }).optional() }));
export type MenuEntry = z.output<typeof MenuEntrySchema>;

export const ConfigSchema = z
  .strictObject({
    kantor: OfficeSchema,
    sop: SopSchema,
    jam_kerja: WorkingHoursSchema.default({
      hari: ['senin', 'selasa', 'rabu', 'kamis', 'jumat'],
      mulai: '07:30',
      selesai: '16:00',
      libur: [],
    }),
    peran: z.record(IdSchema, RoleSchema),
    alur: z.array(FlowSchema).min(1),
    /** Settings of `tayang periksa` (see src/lib/config/periksa.ts). */
    periksa: ChecksConfigSchema.prefault({}),
    /** Deploy target, social platforms, hashtags, Satu Data (see src/lib/config/publikasi.ts). */
    publikasi: PublishingSchema.prefault({}),
    /** The key archives are signed with (see src/lib/config/arsip.ts). */
    arsip: ArchiveConfigSchema.prefault({}),
    /** The embosser's page for the braille edition (see src/lib/config/braille.ts). */
    braille: BrailleConfigSchema.prefault({}),
    /** The recorded edition of "Dengarkan" (see src/lib/config/dengarkan.ts). */
    dengarkan: ReadAloudConfigSchema.prefault({}),
    /** The main menu, in order (src/lib/site/navigation.ts); absent = the default order. */
    menu: z.array(MenuEntrySchema).min(1).optional(),
  })
  .superRefine((config, ctx) => {
    const flowIds = new Set<string>();
    config.alur.forEach((flow, f) => {
      if (flowIds.has(flow.id)) ctx.addIssue({ code: 'custom', path: ['alur', f, 'id'], message: `id alur "${flow.id}" dipakai dua kali.` });
      flowIds.add(flow.id);
      const stageIds = new Set<string>();
      flow.tahap.forEach((stage, s) => {
        if (stageIds.has(stage.id)) {
          ctx.addIssue({ code: 'custom', path: ['alur', f, 'tahap', s, 'id'], message: `id tahap "${stage.id}" dipakai dua kali dalam alur "${flow.id}".` });
        }
        stageIds.add(stage.id);
        for (const role of stage.peran) {
          if (!(role in config.peran)) {
            ctx.addIssue({
              code: 'custom',
              path: ['alur', f, 'tahap', s, 'peran'],
              message: `peran "${role}" tidak ada di bagian \`peran\`. Peran yang ada: ${Object.keys(config.peran).join(', ')}.`,
            });
          }
        }
        if (stage.eskalasi !== undefined && !(stage.eskalasi in config.peran)) {
          ctx.addIssue({
            code: 'custom',
            path: ['alur', f, 'tahap', s, 'eskalasi'],
            message: `peran eskalasi "${stage.eskalasi}" tidak ada di bagian \`peran\`. Tulis id salah satu peran yang ada (${Object.keys(config.peran).join(', ')}), atau hapus \`eskalasi\` agar keterlambatan dilaporkan kepada peran tahap terakhir alur ini.`,
          });
        }
      });
      if (flow.penerima_laporan && !(flow.penerima_laporan in config.peran)) {
        ctx.addIssue({ code: 'custom', path: ['alur', f, 'penerima_laporan'], message: `peran "${flow.penerima_laporan}" tidak ada di bagian \`peran\`.` });
      }
      for (const role of flow.serta_merta?.peran ?? []) {
        if (!(role in config.peran)) {
          ctx.addIssue({
            code: 'custom',
            path: ['alur', f, 'serta_merta', 'peran'],
            message: `peran "${role}" tidak ada di bagian \`peran\`. Peran yang ada: ${Object.keys(config.peran).join(', ')}.`,
          });
        }
      }
    });
    for (const issue of publishingRoleIssues(config.publikasi, Object.keys(config.peran))) ctx.addIssue({ code: 'custom', ...issue });
    const menuIds = new Map<string, number>();
    config.menu?.forEach((entry, i) => {
      const first = menuIds.get(entry.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['menu', i], message: `"${entry.id}" sudah ada di menu (menu.${first}); setiap bagian atau halaman cukup sekali di menu. Hapus salah satunya.` });
      else menuIds.set(entry.id, i);
    });
  });

export type Config = z.output<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
export type Office = Config['kantor'];
export type Role = Config['peran'][string];
export type Flow = Config['alur'][number];
export type Stage = Flow['tahap'][number];
export type WorkingHours = Config['jam_kerja'];
