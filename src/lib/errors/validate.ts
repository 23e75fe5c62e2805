import { visit, type YAMLError } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problem.ts';
import { locatePath, NotPlainDataError, parseLocatedYaml, type LocatedYaml } from './yaml-location.ts';
import { customMessage, describeIssue, type Syntax } from './zod-issues.ts';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * Parses YAML text and validates it against a schema, reporting every problem with the file,
 * line and key. `lineOffset` is for YAML that starts further down a file (frontmatter).
 */
export function validateYaml<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
  lineOffset = 0,
): Validated<z.output<S>> {
  return validateLocatedYaml(schema, parseLocatedYaml(text, lineOffset), text, file);
}

/**
 * `validateYaml` of YAML its caller has already parsed (the frontmatter reader keeps the document
 * for its line numbers): each text is parsed once. `data` is the document's `toJS()` when the
 * caller has it already.
 */
export function validateLocatedYaml<S extends z.ZodType>(schema: S, located: LocatedYaml, text: string, file: string, data?: unknown): Validated<z.output<S>> {
  const lineOffset = located.lineOffset;
  if (located.doc.errors.length > 0) {
    return {
      ok: false,
      problems: firstErrors(located.doc.errors).map((error) => {
        const opened = error.code === 'MISSING_CHAR' && /quote/i.test(error.message) ? findUnclosedQuote(located, error.pos[0]) : undefined;
        if (opened !== undefined) {
          // yaml points at the end of the text; the author has to look where the quote opened.
          const { line, col } = located.lineCounter.linePos(opened);
          return { file, line: line + lineOffset, column: col, message: 'penulisan YAML rusak: tanda kutip yang dibuka di sini tidak pernah ditutup.', fix: 'tambahkan tanda kutip penutup yang sama (" atau \') di akhir isian ini.' };
        }
        const pos = error.linePos?.[0];
        if (error instanceof NotPlainDataError) return { file, line: pos ? pos.line + lineOffset : undefined, column: pos?.col, message: error.message, fix: error.fix };
        return {
          file,
          line: pos ? pos.line + lineOffset : undefined,
          column: pos?.col,
          message: `penulisan YAML rusak: ${error.code === 'DUPLICATE_KEY' ? describeDuplicateKey(text, error.pos[0]) : describeYamlError(error.code, error.message)}`,
          fix: 'periksa titik dua setelah nama kolom, indentasi dengan spasi (bukan tab), dan tanda kutip yang berpasangan.',
        };
      }),
    };
  }
  return validateData(schema, data ?? located.doc.toJS() ?? {}, file, located);
}

/** Validates data already parsed; with `located`, problems carry the line of their key. */
export function validateData<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  located?: LocatedYaml,
): Validated<z.output<S>> {
  // Without reportInput, zod 4 leaves `input` out of issues and a wrong value reads as a missing one.
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.flatMap(withinUnion).map((issue) => issueToProblem(issue, file, located)) };
}

/**
 * A value that fits none of a union's forms, but has the shape of exactly one (a list of keys where
 * a member may be a login or `{akun, nama, jabatan}`): that form's own issues, at their full path,
 * say what to fix; "bentuk isinya tidak sesuai" would not.
 */
function withinUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  // A union with its own message (`error:`) already says every form it takes.
  if (issue.code !== 'invalid_union' || customMessage(issue) !== undefined) return [issue];
  const shaped = issue.errors.filter((issues) => !issues.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  if (shaped.length !== 1) return [issue];
  return shaped[0]!.flatMap((inner) => withinUnion({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
}

/**
 * Parses JSON that a program wrote (a saved GitHub response, a record) and validates it: a
 * syntax error names its line and column, and schema problems the line of their key (JSON is
 * YAML 1.2, so the YAML locator finds it, and is only asked when there is a problem). `expected` says what the file should hold.
 */
export function validateJson<S extends z.ZodType>(schema: S, text: string, file: string, expected?: string): Validated<z.output<S>> {
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  const source = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const problem = describeJsonError(error as Error, source, file);
    return { ok: false, problems: [expected ? { ...problem, fix: `${problem.fix} ${expected}` } : problem] };
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  // Parsing as YAML only for positions costs more than JSON.parse and the schema together, so
  // it waits until a problem needs a line (2.4 s over 2,000 valid records otherwise).
  const located = parseLocatedYaml(source);
  const positions = located.doc.errors.length === 0 ? located : undefined;
  return { ok: false, problems: result.error.issues.flatMap(withinUnion).map((issue) => issueToProblem(issue, file, positions, 'json')) };
}

function describeJsonError(error: Error, text: string, file: string): Problem {
  const fix = 'simpan berkas JSON utuh apa adanya (jangan disunting tangan); periksa koma, tanda kutip dan kurung yang berpasangan.';
  if (text.trim() === '') return { file, message: 'bukan JSON yang sah: berkasnya kosong.', fix };
  // Node names the place: "… in JSON at position 16 (line 3 column 6)".
  const at = /line (\d+) column (\d+)/.exec(error.message);
  if (at) return { file, line: Number(at[1]), column: Number(at[2]), message: 'bukan JSON yang sah: ada tanda yang tidak semestinya di sini.', fix };
  if (/end of JSON input/i.test(error.message)) {
    const lines = text.split('\n');
    return { file, line: lines.length, message: 'bukan JSON yang sah: berkasnya terpotong, berakhir sebelum semua kurung ditutup.', fix };
  }
  return { file, message: 'bukan JSON yang sah.', fix };
}

export function issueToProblem(issue: z.core.$ZodIssue, file: string, located?: LocatedYaml, syntax: Syntax = 'yaml'): Problem {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
  const position = located ? locatePath(located, path) : undefined;
  const { message, fix } = describeIssue(issue, syntax);
  return {
    file,
    line: position?.line,
    column: position?.column,
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : undefined,
    message,
    fix,
  };
}

/**
 * yaml follows one mistake with its consequences (a tab also reads as a key cut to the next
 * line, twice; a stack exhausted by nesting is reported once per level). The first error of
 * each line, and one exhausted stack, say what to fix.
 */
function firstErrors(errors: readonly YAMLError[]): YAMLError[] {
  const lines = new Set<number>();
  let exhausted = false;
  return errors.filter((error) => {
    if (error.code === 'RESOURCE_EXHAUSTION') {
      if (exhausted) return false;
      exhausted = true;
      return true;
    }
    const line = error.linePos?.[0].line;
    if (line === undefined) return true;
    if (lines.has(line)) return false;
    lines.add(line);
    return true;
  });
}

/** Where the quoted value that runs to `end` (an unclosed quote swallows the rest) begins. */
function findUnclosedQuote(located: LocatedYaml, end: number): number | undefined {
  let start: number | undefined;
  visit(located.doc, {
    Scalar(_, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] >= end) {
        start = node.range[0];
        return visit.BREAK;
      }
    },
  });
  return start;
}

/** Names the repeated key: in a long frontmatter the author should not have to hunt for it. */
function describeDuplicateKey(text: string, offset: number): string {
  const key = /^\s*(?:-\s+)?([^:#\n]+?)\s*:/.exec(text.slice(offset).split('\n')[0]!)?.[1];
  return key === undefined ? 'ada nama kolom yang ditulis dua kali.' : `kolom \`${key}\` ditulis dua kali; hapus salah satunya.`;
}

function describeYamlError(code: string, fallback: string): string {
  // "[a, b" without its "]": yaml calls it an indentation error on the next line.
  const unclosed = code === 'BAD_INDENT' ? /end with a ([\]}])/.exec(fallback)?.[1] : undefined;
  if (unclosed !== undefined) return `daftar yang dibuka dengan "${unclosed === ']' ? '[' : '{'}" sebelum baris ini belum ditutup dengan "${unclosed}".`;
  const messages: Record<string, string> = {
    DUPLICATE_KEY: 'ada nama kolom yang ditulis dua kali.',
    BAD_INDENT: 'indentasi (jumlah spasi di awal baris) tidak konsisten.',
    TAB_AS_INDENT: 'indentasi memakai tab; gunakan spasi.',
    MISSING_CHAR: 'ada tanda yang kurang (misalnya tanda kutip penutup).',
    MULTILINE_IMPLICIT_KEY: 'nama kolom tidak boleh terpotong ke baris berikutnya; mungkin titik dua atau tanda kutip hilang.',
    BLOCK_AS_IMPLICIT_KEY: 'nama kolom tidak boleh terpotong ke baris berikutnya; mungkin titik dua hilang.',
    UNEXPECTED_TOKEN: 'ada tanda yang tidak semestinya di sini.',
    RESOURCE_EXHAUSTION: 'isian terlalu besar atau bersarang terlalu dalam (alias *nama yang berlapis-lapis, atau ribuan tanda [ berturut-turut); tulis isinya langsung sebagai daftar biasa.',
  };
  return messages[code] ?? fallback.split('\n')[0]!;
}
