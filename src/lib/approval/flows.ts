import picomatch from 'picomatch';
import type { Config, Flow } from '../config/schema.ts';
import { CONTENT_ROOT, isContentType, type ContentType } from '../content/types.ts';

/**
 * Which flow governs a path: the first flow in the config that matches it. `jenis` matches
 * content files only (`content/<jenis>/…`; `"*"` matches every content type);
 * `berkas` globs match any path (dotfiles included, so `.github/**` and `src/.env` are caught).
 */
export function flowForPath(config: Config, path: string): Flow | undefined {
  return config.alur.find((flow) => flowMatches(flow, path));
}

export function flowMatches(flow: Flow, path: string): boolean {
  const jenis = contentTypeOf(path);
  if (jenis !== undefined && (flow.jenis.includes('*') || flow.jenis.includes(jenis))) return true;
  return flow.berkas.length > 0 && picomatch(flow.berkas, { dot: true })(path);
}

/** `content/berita/x/index.md` → `berita`; undefined for a path outside a content type folder. */
function contentTypeOf(path: string): ContentType | undefined {
  const [root, jenis, ...rest] = path.split('/');
  return root === CONTENT_ROOT && rest.length > 0 && isContentType(jenis!) ? jenis : undefined;
}

export interface Governance {
  /** Paths per governing flow id, flows in config order. */
  byFlow: Map<string, string[]>;
  ungoverned: string[];
}

/** Sorts the PR's changed paths (a rename changes its old path too) into the flows that govern them. */
export function governChangedPaths(config: Config, paths: readonly string[]): Governance {
  const found = new Map<string, string[]>();
  const ungoverned: string[] = [];
  for (const path of new Set(paths)) {
    const flow = flowForPath(config, path);
    if (flow) found.set(flow.id, [...(found.get(flow.id) ?? []), path]);
    else ungoverned.push(path);
  }
  const byFlow = new Map<string, string[]>();
  for (const flow of config.alur) if (found.has(flow.id)) byFlow.set(flow.id, found.get(flow.id)!);
  return { byFlow, ungoverned };
}
