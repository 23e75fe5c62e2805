/**
 * A problem in a file an office edits (config, frontmatter, snapshot), said in Indonesian:
 * where it is, what is wrong and what to write instead. Every loader reports these instead of
 * throwing, so the CLI, the build and CI all print the same words.
 */
export interface Problem {
  file: string;
  /** 1-based; absent when the file could not be read at all. */
  line?: number;
  column?: number;
  /** Dotted path of the key, e.g. `alur.0.tahap.1.peran`. */
  field?: string;
  message: string;
  /** What to write instead. */
  fix?: string;
}

/** `berkas:baris:kolom` — the form editors and terminals turn into a link. */
export function formatLocation(p: Pick<Problem, 'file' | 'line' | 'column'>): string {
  if (p.line === undefined) return p.file;
  return `${p.file}:${p.line}${p.column !== undefined ? `:${p.column}` : ''}`;
}

export function formatProblem(p: Problem): string {
  const field = p.field ? ` — kolom \`${p.field}\`` : '';
  const fix = p.fix ? `\n  Perbaikan: ${p.fix}` : '';
  return `${formatLocation(p)}${field}: ${p.message}${fix}`;
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

/** Thrown only at the edge (CLI, Astro) when problems must stop the run. */
export class ProblemsError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = 'ProblemsError';
    this.problems = problems;
  }
}

/**
 * Stops the site build with the problems alone. Astro prints an error's stack, and a stack into
 * the build's chunks only hides the Indonesian message from the office's admin; with an empty
 * stack Astro prints the message only.
 */
export class BuildStoppedError extends ProblemsError {
  constructor(heading: string, problems: readonly Problem[]) {
    super(problems);
    this.message = `${heading}\n${this.message}\nPerbaiki berkas yang disebut, lalu bangun ulang situsnya.`;
    this.stack = '';
  }
}
