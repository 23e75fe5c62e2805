import { z } from 'zod';

/**
 * The `dengarkan:` section of tayang.config.yml. `rekaman: true` makes the site build record
 * every text item with eSpeak NG (src/lib/read-aloud/recording.ts), for browsers without an
 * Indonesian voice; off by default, for the reasons in docs/aksesibilitas.md.
 *
 * @example
 * dengarkan:
 *   rekaman: true
 */
export const ReadAloudConfigSchema = z.strictObject({
  /** A synthetic MP3 beside every text item. @example true */
  rekaman: z.boolean({ error: 'dengarkan.rekaman ditulis true (buat rekaman suara setiap naskah) atau false (tidak dibuat, bawaan).' }).default(false),
});

export type ReadAloudConfig = z.output<typeof ReadAloudConfigSchema>;
