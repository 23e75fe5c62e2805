import type { z } from 'zod';
import type { Problem } from '../errors/problem.ts';
import { validateLocatedYaml } from '../errors/validate.ts';
import { locatePath, parseLocatedYaml, type LocatedYaml } from '../errors/yaml-location.ts';

/** A Markdown file split at its `---` fences, with the lines needed to point into it. */
export interface SplitMarkdown {
  /** The YAML between the fences. */
  yaml: string;
  /** Lines before the YAML (the opening fence): the `lineOffset` for `parseLocatedYaml`. */
  yamlLineOffset: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** The line that ends the frontmatter, when it is more than `---` (see `describeClosingFence`). */
  oddClosingLine?: { line: number; text: string };
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
// Astro ends the frontmatter at the first "\n---" or "\n+++" after the opening, whatever follows
// on that line (frontmatterRE in @astrojs/internal-helpers/dist/frontmatter.js). Only "\n" is a
// line break there: a split at U+2028, U+2029 or a lone CR (what a `m`-flag `^` also takes)
// would hand Astro fields the checks never saw.
const ASTRO_CLOSING = /\n(?:---|\+\+\+)/g;
const CLEAN_CLOSING_REST = /^[ \t]*\r?(?:\n|$)/;

export function splitFrontmatter(text: string): SplitMarkdown | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  ASTRO_CLOSING.lastIndex = opening[0].length - 1;
  const closing = ASTRO_CLOSING.exec(text);
  if (!closing) return undefined;
  const yaml = text.slice(opening[0].length, closing.index + 1);
  const closingLine = 1 + (yaml.match(/\n/g)?.length ?? 0) + 1;
  const afterDelimiter = text.slice(closing.index + 4);
  const rest = CLEAN_CLOSING_REST.exec(afterDelimiter);
  if (closing[0] === '\n---' && rest) {
    return { yaml, yamlLineOffset: 1, body: afterDelimiter.slice(rest[0].length), bodyLine: closingLine + 1 };
  }
  // Astro's body starts right after the three characters, on the closing line itself.
  const lineText = text.slice(closing.index + 1).split('\n', 1)[0]!.replace(/\r$/, '');
  return { yaml, yamlLineOffset: 1, body: afterDelimiter, bodyLine: closingLine, oddClosingLine: { line: closingLine, text: lineText } };
}

/** What a file's frontmatter and body read as, before (or without) the schema. */
export interface ReadFrontmatter {
  /** The YAML as read before the schema: what Astro's collection schema is given (src/content.config.ts). */
  source: unknown;
  body: string;
  bodyLine: number;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

export type ParsedFrontmatter<T> =
  | ({ ok: true; data: T } & ReadFrontmatter)
  /**
   * `read` when the YAML itself is sound and only the schema refused it: the body and the fields
   * can still be checked, so an author hears about them in the same round.
   */
  | { ok: false; problems: Problem[]; read?: ReadFrontmatter };

/** Validates a Markdown file's frontmatter; problems name the file line of each key. */
export function parseFrontmatter<S extends z.ZodType>(schema: S, text: string, file: string): ParsedFrontmatter<z.output<S>> {
  const split = splitFrontmatter(text);
  return validateFrontmatter(schema, split, split && parseLocatedYaml(split.yaml, split.yamlLineOffset), file);
}

/**
 * `parseFrontmatter` of a file already split and its YAML already parsed (a checked document,
 * src/lib/checks/document.ts, holds both): each text is parsed once.
 */
export function validateFrontmatter<S extends z.ZodType>(schema: S, split: SplitMarkdown | undefined, located: LocatedYaml | undefined, file: string): ParsedFrontmatter<z.output<S>> {
  if (!split || !located) {
    return {
      ok: false,
      problems: [
        {
          file,
          line: 1,
          message: 'berkas tidak diawali frontmatter (data item di antara dua baris "---").',
          fix: 'mulai berkas dengan baris "---", lalu judul, tanggal, ringkasan, penulis, dan tutup dengan "---". Contoh lengkap: jalankan `tayang baru <jenis> "Judul"`.',
        },
      ],
    };
  }
  if (split.oddClosingLine) {
    const { line, text: lineText } = split.oddClosingLine;
    return {
      ok: false,
      problems: [
        {
          file,
          line,
          message: `baris "${lineText}" mengakhiri frontmatter karena diawali "${lineText.slice(0, 3)}", padahal baris penutup frontmatter harus berisi "---" saja; isian sesudahnya tidak terbaca sebagai data item.`,
          fix: 'tulis baris penutup frontmatter berisi "---" saja; baris lain di dalam frontmatter tidak boleh diawali "---" atau "+++" (sambung isiannya di baris sebelumnya, atau beri spasi di depannya).',
        },
      ],
    };
  }
  const read: ReadFrontmatter | undefined =
    located.doc.errors.length > 0 ? undefined : { source: located.doc.toJS() ?? {}, body: split.body, bodyLine: split.bodyLine, lineOf: (path) => locatePath(located, path)?.line };
  const result = validateLocatedYaml(schema, located, split.yaml, file, read?.source);
  if (!result.ok) return { ok: false, problems: result.problems, ...(read ? { read } : {}) };
  // The schema accepted it, so the YAML read without errors.
  return { ok: true, data: result.value, ...read! };
}
