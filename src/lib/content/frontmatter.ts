import type { z } from 'zod';
import type { Problem } from '../errors/problem.ts';
import { validateYaml } from '../errors/validate.ts';
import { locatePath, parseLocatedYaml } from '../errors/yaml-location.ts';

/** A Markdown file split at its `---` fences, with the lines needed to point into it. */
export interface SplitMarkdown {
  /** The YAML between the fences. */
  yaml: string;
  /** Lines before the YAML (the opening fence): the `lineOffset` for `validateYaml`. */
  yamlLineOffset: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*\r?$/m;

export function splitFrontmatter(text: string): SplitMarkdown | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return undefined;
  const yaml = rest.slice(0, closing.index);
  const afterFence = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  const yamlLines = yaml === '' ? 0 : yaml.split('\n').length - (yaml.endsWith('\n') ? 1 : 0);
  return { yaml, yamlLineOffset: 1, body: afterFence, bodyLine: 1 + yamlLines + 2 };
}

export type ParsedFrontmatter<T> =
  | { ok: true; data: T; body: string; bodyLine: number; lineOf: (path: readonly PropertyKey[]) => number | undefined }
  | { ok: false; problems: Problem[] };

/** Validates a Markdown file's frontmatter; problems name the file line of each key. */
export function parseFrontmatter<S extends z.ZodType>(schema: S, text: string, file: string): ParsedFrontmatter<z.output<S>> {
  const split = splitFrontmatter(text);
  if (!split) {
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
  const result = validateYaml(schema, split.yaml, file, split.yamlLineOffset);
  if (!result.ok) return result;
  const located = parseLocatedYaml(split.yaml, split.yamlLineOffset);
  return {
    ok: true,
    data: result.value,
    body: split.body,
    bodyLine: split.bodyLine,
    lineOf: (path) => locatePath(located, path)?.line,
  };
}
