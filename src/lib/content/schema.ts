import { z } from 'zod';
import { FOCUS_NAMES, type FocusPoint } from './focus.ts';
import { describeSvgPicture, isSvgName } from './pictures.ts';
import { compareDateTimes, hasOffset, normalizeLocal, yamlDateToLocal, type LocalDateTime } from './time.ts';
import type { ContentType } from './types.ts';

/**
 * Frontmatter of the content types (DESIGN.md §4). Keys are Indonesian because authors
 * write them; every message is Indonesian and says what to write instead. Schemas are made by
 * `makeItemSchemas({ image })` so that Astro can pass its `image()` helper (which resolves and
 * measures the picture for responsive images) while the CLI and checks pass a path schema.
 */

/** A check whose message passes through `describeIssue` untouched (code `custom`). */
function textMatching(test: (text: string) => boolean, message: string) {
  return z.string().refine(test, { error: message });
}

/**
 * `2025-03-10` or `2025-03-10 09:00`, office time, or a moment with its offset in ISO 8601
 * (`2025-03-10T09:00:00+07:00`); normalised as time.ts says.
 */
export const LocalDateTimeSchema = z.preprocess(
  (value) => (value instanceof Date ? yamlDateToLocal(value) : typeof value === 'number' ? String(value) : value),
  z.string().transform((text, ctx): LocalDateTime => {
    const local = normalizeLocal(text);
    if (local === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" bukan tanggal yang sah. Tulis TTTT-BB-HH, misalnya 2025-03-10, atau dengan jam: "2025-03-10 09:00" (waktu kantor), atau dengan zona waktu ISO 8601: 2025-03-10T09:00:00+07:00.`,
      });
      return z.NEVER;
    }
    return local;
  }),
);

/** A date without a time, e.g. the last day an announcement holds. */
export const LocalDateSchema = LocalDateTimeSchema.refine((local) => local.length === 10, {
  error: 'tulis tanggal saja tanpa jam, misalnya 2025-03-31.',
});

/** The fields of every type that hold a date-time (LocalDateTimeSchema), for `inOfficeTime`. */
export const DATE_TIME_FIELDS = ['tanggal', 'terbit', 'mulai', 'selesai'] as const;

/**
 * A file beside the item's `index.md`. Only a name or a path inside the item's folder: the
 * item travels as one folder, and `../` would let an item publish someone else's files.
 */
export function makeFileSchema(extensions: readonly string[], what: string, describeRefused?: (path: string) => string | undefined) {
  return z.string().superRefine((path, ctx) => {
    const problem = describeUnsafePath(path);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `${problem} Simpan ${what} di folder item ini dan tulis nama berkasnya saja, misalnya "${exampleName(extensions)}".` });
      return;
    }
    const refused = describeRefused?.(path);
    if (refused) {
      ctx.addIssue({ code: 'custom', message: refused });
      return;
    }
    const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    if (path.lastIndexOf('.') < 0 || !extensions.includes(extension)) {
      ctx.addIssue({ code: 'custom', message: `${what} harus berformat ${extensions.map((e) => `.${e}`).join(', ')}, bukan "${path}".` });
    }
  });
}

export function describeUnsafePath(path: string): string | undefined {
  if (path.trim() === '') return 'nama berkas tidak boleh kosong.';
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return `"${path}" adalah alamat, bukan berkas di repositori.`;
  if (path.startsWith('/') || path.includes('\\')) return `"${path}" harus path relatif dengan garis miring "/".`;
  if (path.split('/').some((part) => part === '..' || part === '')) return `"${path}" keluar dari folder item.`;
  return undefined;
}

function exampleName(extensions: readonly string[]): string {
  return `berkas.${extensions[0]}`;
}

/** Formats the site can show as pictures (sharp reads them; Astro's `image()` accepts them); never SVG (pictures.ts). */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif'] as const;
/** The CLI's stand-in for Astro's `image()`: a safe relative path of a picture. */
export const imagePath = () => makeFileSchema(IMAGE_EXTENSIONS, 'gambar', describeSvgName);

function describeSvgName(path: string): string | undefined {
  if (!isSvgName(path)) return undefined;
  const { message, fix } = describeSvgPicture(path);
  return `${message} ${fix.charAt(0).toUpperCase()}${fix.slice(1)}`;
}

const PdfSchema = makeFileSchema(['pdf'], 'dokumen');
/** Files an item may offer for download, as `lampiran` or as a link in its body (item-files.ts). */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'odt', 'ods', 'csv', 'jpg', 'jpeg', 'png'] as const;
const AttachmentSchema = makeFileSchema(ATTACHMENT_EXTENSIONS, 'lampiran');
const VideoFileSchema = makeFileSchema(['mp4', 'webm'], 'berkas video');
const AudioFileSchema = makeFileSchema(['mp3', 'ogg', 'opus', 'm4a', 'wav'], 'berkas audio');
const CaptionsSchema = makeFileSchema(['vtt'], 'takarir (teks terjemahan suara)');
const CsvSchema = makeFileSchema(['csv'], 'berkas data');

/** Marks the text `tayang baru` leaves for the author to replace; it must never be published. */
export const PLACEHOLDER = /\[GANTI:/;
export const PLACEHOLDER_MESSAGE = 'masih berisi teks contoh dari `tayang baru`. Ganti teks [GANTI: …] dengan isi sebenarnya.';

const Text = z
  .string()
  .trim()
  .min(1)
  .refine((text) => !PLACEHOLDER.test(text), { error: PLACEHOLDER_MESSAGE });

/**
 * Text that YAML reads as a whole number when written bare (`periode: 2025`, `nomor: 900`,
 * `tag: [2026]`), kept as written. Decimals are not: `000.8` would come back as "0.8".
 */
const Label = z.preprocess((value) => (Number.isInteger(value) ? String(value) : value), Text);

/**
 * Classification under UU 14/2008 (Keterbukaan Informasi Publik) Pasal 9–11 and Perki 1/2021.
 * `dikecualikan` (Pasal 17) exists in the law but is refused: exempt information is never
 * published, so it never belongs in this repository.
 */
export const KIP_CLASSES = ['berkala', 'serta-merta', 'setiap-saat'] as const;
export type KipClass = (typeof KIP_CLASSES)[number];

export const KipClassSchema = z.string().transform((value, ctx): KipClass => {
  if ((KIP_CLASSES as readonly string[]).includes(value)) return value as KipClass;
  ctx.addIssue({
    code: 'custom',
    message:
      value === 'dikecualikan'
        ? 'informasi yang dikecualikan (UU 14/2008 tentang Keterbukaan Informasi Publik, Pasal 17) tidak boleh diterbitkan. Hapus item ini dari repositori; jika informasinya ternyata terbuka, pilih berkala, serta-merta, atau setiap-saat.'
        : `klasifikasi "${value}" tidak dikenal. Pilih salah satu: ${KIP_CLASSES.join(', ')} (UU 14/2008 Pasal 9–11).`,
  });
  return z.NEVER;
});

export const SOCIAL_PLATFORMS = ['instagram', 'facebook', 'x', 'youtube', 'whatsapp'] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

/** How the item goes to social media (`tayang sosial`). */
export const SocialSchema = z.strictObject({
  /** Platforms to post on; absent = every channel the office configured. @example [instagram, x] */
  platform: z.array(z.enum(SOCIAL_PLATFORMS)).optional(),
  /** Hashtags, with or without "#". @example [KecamatanJenawi, Karanganyar] */
  tagar: z
    .array(textMatching((t) => /^#?[\p{L}\p{N}_]+$/u.test(t), 'tagar hanya huruf, angka, dan "_" tanpa spasi, misalnya KecamatanJenawi.'))
    .default([])
    .transform((tags) => tags.map((t) => t.replace(/^#/, ''))),
  /** Text per platform replacing the generated one. @example { x: "Jadwal Musrenbang 2026 ..." } */
  teks: z.partialRecord(z.enum(SOCIAL_PLATFORMS), Text).default({}),
  /** `true`: this item is not posted to social media at all. */
  nonaktif: z.boolean().default(false),
});

const FOCUS_MESSAGE = `fokus gambar tidak dikenal. Tulis salah satu sisi atau sudut gambar (${Object.keys(FOCUS_NAMES).join(', ')}), atau titik dalam persen dari kiri dan dari atas, misalnya { x: 30, y: 60 } (x dan y dari 0 sampai 100).`;
const FocusPercent = z.number().min(0).max(100);

/**
 * Where a picture's subject is: every crop of it (cards, social previews, the social kit) keeps
 * that point. A side or corner, or a point in per cent (focus.ts). @example kanan
 * @example { x: 80, y: 55 }
 */
const FocusSchema = z
  .union([z.enum(Object.keys(FOCUS_NAMES) as [string, ...string[]]), z.strictObject({ x: FocusPercent, y: FocusPercent })], { error: FOCUS_MESSAGE })
  .transform((focus): FocusPoint => (typeof focus === 'string' ? FOCUS_NAMES[focus]! : focus));

/**
 * The only rules an item may be let through (`periksa.abaikan`): personal data the office must
 * publish, such as a list of aid recipients the law requires to be announced. Never security,
 * schema, accessibility, language or news rules (docs/aturan-periksa.md).
 */
export const WAIVABLE_RULE = /^privacy\/[a-z0-9][a-z0-9-]*$/;

/** `periksa:` in an item: findings of `tayang periksa` its approvers accept, each with the reason. */
export const ItemChecksSchema = z.strictObject({
  abaikan: z
    .array(
      z.strictObject({
        /** A privacy rule id. @example privacy/nik */
        aturan: textMatching(
          (id) => WAIVABLE_RULE.test(id),
          'hanya aturan data pribadi (privacy/…), misalnya privacy/nik, yang boleh dikecualikan; aturan keamanan, skema, aksesibilitas, bahasa dan berita selalu berlaku. Daftar aturannya ada di docs/aturan-periksa.md.',
        ),
        /** Why it must be published, for the approvers and the record. @example "Daftar penerima BLT Dana Desa wajib diumumkan; NIK sudah disamarkan." */
        alasan: Text,
      }),
    )
    .min(1),
});

/** Longest `judul`: what a listing, a search result and a social post can show whole. */
export const TITLE_MAX_LENGTH = 160;

/** Fields every type has; `image` is Astro's `image()` or the CLI's `imagePath`. */
function commonShape<I extends z.ZodType>(image: () => I) {
  return {
    /** Headline. @example "Musrenbang Kecamatan Jenawi 2026 Sepakati 42 Usulan Prioritas" */
    judul: Text.max(TITLE_MAX_LENGTH),
    /** Date of the item (news: the day of the event or the writing). @example 2025-02-12 */
    tanggal: LocalDateTimeSchema,
    /** One or two sentences for listings, search engines and social posts. */
    ringkasan: Text.max(300),
    /** Writer or unit. @example "Tim Admin Website Kecamatan Jenawi" */
    penulis: Text,
    /** Main picture, with its description for screen readers (WCAG 1.1.1). */
    gambar: z.strictObject({ src: image(), alt: Text, fokus: FocusSchema.optional() }).optional(),
    /** @example [musrenbang, perencanaan] */
    tag: z.array(Label).default([]),
    /** Scheduled publication (office time): the item stays off the site until then. @example "2026-01-05 08:00" */
    terbit: LocalDateTimeSchema.optional(),
    /** KIP classification (required for `dokumen`). */
    klasifikasi: KipClassSchema.optional(),
    sosial: SocialSchema.optional(),
    periksa: ItemChecksSchema.optional(),
  };
}

/** Bodies of the Daftar Informasi Publik register (Perki 1/2021 Pasal 14–15). */
export const DOCUMENT_CATEGORIES = ['peraturan', 'surat-edaran', 'laporan-keuangan', 'juknis', 'juklak', 'keputusan', 'lainnya'] as const;
/** Forms in which the information is available, as registers write them. */
export const INFORMATION_FORMS = ['softcopy', 'hardcopy'] as const;
/** Update frequency, as Satu Data Indonesia (Perpres 39/2019) metadata writes it. */
export const DATA_FREQUENCIES = ['harian', 'mingguan', 'bulanan', 'triwulanan', 'semesteran', 'tahunan', 'sekali'] as const;

export function makeItemSchemas<I extends z.ZodType>({ image }: { image: () => I }) {
  const common = commonShape(image);

  const berita = z.strictObject({
    ...common,
    /** Where it happened (the "di mana" of 5W+1H). @example "Balai Desa Anggrasmanis" */
    lokasi: Text,
    /** Sources quoted, with their office. @example ["Sri Wahyuni, Kepala Desa Anggrasmanis"] */
    narasumber: z.array(Text).default([]),
  });

  const pengumuman = z.strictObject({
    ...common,
    /** Last day the announcement holds. @example 2025-03-31 */
    berlaku_sampai: LocalDateSchema.optional(),
    /** Files beside the item, with a title for the link. */
    lampiran: z.array(z.strictObject({ berkas: AttachmentSchema, judul: Text })).default([]),
  });

  const agenda = z
    .strictObject({
      ...common,
      /** Start (office time). @example "2025-12-10 09:00" */
      mulai: LocalDateTimeSchema,
      /** End (office time). */
      selesai: LocalDateTimeSchema.optional(),
      lokasi: Text,
      /** @example "Kecamatan Jenawi bersama Puskesmas Jenawi" */
      penyelenggara: Text,
    })
    .superRefine((a, ctx) => {
      if (a.selesai === undefined) return;
      // Without the office's zone, office time and a moment with an offset cannot be ordered;
      // the loaders turn both into office time, so one item writes both the same way.
      if (hasOffset(a.mulai) !== hasOffset(a.selesai)) {
        ctx.addIssue({ code: 'custom', path: ['selesai'], message: '`mulai` dan `selesai` ditulis dengan cara berbeda (satu dengan zona waktu, satu waktu kantor). Tulis keduanya dalam waktu kantor ("2025-04-01 09:00"), atau keduanya dengan zona waktu (2025-04-01T09:00:00+07:00).' });
      } else if (compareDateTimes(a.selesai, a.mulai) < 0) {
        ctx.addIssue({ code: 'custom', path: ['selesai'], message: 'waktu selesai lebih awal daripada waktu mulai. Periksa tanggal dan jamnya.' });
      }
    });

  const artikel = z.strictObject(common);

  const galeri = z.strictObject({
    ...common,
    /** The photos, each with a description for screen readers and an optional caption. */
    foto: z.array(z.strictObject({ src: image(), alt: Text, keterangan: Text.optional(), fokus: FocusSchema.optional() })).min(1),
  });

  const video = z
    .strictObject({
      ...common,
      /** Video file beside the item (.mp4/.webm, kept small for slow connections). */
      berkas: VideoFileSchema.optional(),
      /** YouTube address or video id; stored as the 11-character id. @example "https://youtu.be/abcdefghijk" */
      youtube: z
        .string()
        .transform((text, ctx) => {
          const id = youtubeId(text);
          if (id === undefined) {
            ctx.addIssue({ code: 'custom', message: `"${text}" bukan alamat video YouTube. Tulis seperti https://www.youtube.com/watch?v=abcdefghijk atau https://youtu.be/abcdefghijk.` });
            return z.NEVER;
          }
          return id;
        })
        .optional(),
      /** Indonesian captions, WebVTT (WCAG 1.2.2). @example takarir.vtt */
      takarir: CaptionsSchema,
      /** Full text of what is said and shown, for deafblind readers (braille displays). */
      transkrip: Text.optional(),
    })
    .superRefine((v, ctx) => {
      if ((v.berkas === undefined) === (v.youtube === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['berkas'],
          message: 'video harus punya salah satu: `berkas` (berkas video di folder item) atau `youtube` (alamat video), tidak keduanya dan tidak kosong.',
        });
      }
    });

  const audio = z.strictObject({
    ...common,
    /** Audio file beside the item. @example siaran.mp3 */
    berkas: AudioFileSchema,
    /** What is said, in full (Perki 1/2021 Pasal 24: accessible to the deaf). */
    transkrip: Text,
  });

  const dokumen = z.strictObject({
    ...common,
    kategori: z.enum(DOCUMENT_CATEGORIES),
    /** Number of the document. @example "Perbup Karanganyar Nomor 12 Tahun 2025" */
    nomor: Label.optional(),
    /** The document, a PDF with a text layer (not a scan only). @example perbup-12-2025.pdf */
    berkas: PdfSchema,
    klasifikasi: KipClassSchema,
    /** Register: official or unit that holds the information. @example "Sekretariat Kecamatan Jenawi" */
    penguasa_informasi: Text,
    /** Register: who is responsible for making or issuing it. @example "Sekretaris Camat" */
    penanggung_jawab: Text,
    /** Register: when it was made (defaults to `tanggal` on pages). */
    waktu_pembuatan: LocalDateSchema.optional(),
    /** Register: where it was made. @example "Jenawi" */
    tempat_pembuatan: Text,
    /** Register: forms available. @example [softcopy, hardcopy] */
    bentuk_informasi: z.array(z.enum(INFORMATION_FORMS)).min(1),
    /** Register: how long it is kept. @example "5 tahun" */
    jangka_waktu_penyimpanan: Text,
  });

  const data = z.strictObject({
    ...common,
    /** The dataset, CSV with a header row. @example penduduk-per-desa-2025.csv */
    berkas: CsvSchema,
    /** Producer (Satu Data: produsen data). @example "Seksi Pemerintahan Kecamatan Jenawi" */
    produsen: Text,
    frekuensi: z.enum(DATA_FREQUENCIES),
    /** Unit of the values. @example "jiwa" */
    satuan: Text,
    /** Period covered. @example "Semester I 2025" */
    periode: Label,
    /** Licence of the data. @example "CC-BY-4.0" */
    lisensi: Text.default('CC-BY-4.0'),
    /**
     * The CSV's columns on the page, by their name in its header row: the header shown, the
     * unit, and whether a totals row adds the column up (computed from the file).
     * @example { laki_laki: { label: Laki-laki, satuan: jiwa, total: true } }
     */
    kolom: z.record(z.string(), z.strictObject({ label: Text.optional(), satuan: Text.optional(), total: z.boolean().default(false) })).default({}),
  });

  /**
   * The office's own page at `/<slug>/`: `tanggal` is when it was last brought up to date. Not
   * posted to social media, so no `sosial`.
   */
  const halaman = z.strictObject(common).omit({ sosial: true }).extend({
    /** Place in the list of the office's pages on the profile (smaller first; without it, after those with one, by title). @example 1 */
    urutan: z.number().int().min(1).optional(),
  });

  return { berita, pengumuman, agenda, artikel, galeri, video, audio, dokumen, data, halaman } satisfies Record<ContentType, z.ZodType>;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

export function youtubeId(text: string): string | undefined {
  const trimmed = text.trim();
  if (YOUTUBE_ID.test(trimmed)) return trimmed;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^(www\.|m\.)/, '');
  const id =
    host === 'youtu.be'
      ? url.pathname.slice(1)
      : host === 'youtube.com' || host === 'youtube-nocookie.com'
        ? (url.searchParams.get('v') ?? url.pathname.match(/^\/(?:embed|shorts|live)\/([^/]+)/)?.[1])
        : undefined;
  return id !== undefined && YOUTUBE_ID.test(id) ? id : undefined;
}

/** Schemas for the CLI, checks and social kit: pictures are paths relative to the item. */
export const ITEM_SCHEMAS = makeItemSchemas({ image: imagePath });

export type ItemSchemas = typeof ITEM_SCHEMAS;
export type BeritaData = z.output<ItemSchemas['berita']>;
export type PengumumanData = z.output<ItemSchemas['pengumuman']>;
export type AgendaData = z.output<ItemSchemas['agenda']>;
export type ArtikelData = z.output<ItemSchemas['artikel']>;
export type GaleriData = z.output<ItemSchemas['galeri']>;
export type VideoData = z.output<ItemSchemas['video']>;
export type AudioData = z.output<ItemSchemas['audio']>;
export type DokumenData = z.output<ItemSchemas['dokumen']>;
export type DataData = z.output<ItemSchemas['data']>;
export type HalamanData = z.output<ItemSchemas['halaman']>;
/** Frontmatter of any type, as read by the CLI (pictures as relative paths). */
export type ItemData = { [T in ContentType]: z.output<ItemSchemas[T]> }[ContentType];
/** The fields every type has (an `artikel` has nothing else). */
export type CommonData = ArtikelData;
export type SocialData = z.output<typeof SocialSchema>;
