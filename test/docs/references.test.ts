// The guides name commands, options, config keys, files and sections of other guides; an office
// admin types them as written. Every one of those must exist, so renaming an option or a file
// without updating the guide fails here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import type { Code, InlineCode, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import type { Command } from 'commander';
import { makeCommand } from '../../scripts/cli.ts';
import { ConfigSchema } from '../../src/lib/config/schema.ts';
import { ITEM_SCHEMAS } from '../../src/lib/content/schema.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GUIDES = ['README.md', ...readdirSync(join(ROOT, 'docs')).sort().map((name) => `docs/${name}`)];

function parseMarkdown(file: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(readFileSync(join(ROOT, file), 'utf8'));
}

/** The `tayang` program as scripts/tayang.ts assembles it, without running it. */
async function loadProgram(): Promise<Command> {
  const program = makeCommand('tayang');
  const dir = join(ROOT, 'scripts/commands');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
    const module = (await import(join(dir, file))) as { register: (program: Command) => void };
    module.register(program);
  }
  return program;
}

/** `tayang <perintah> [sub] --pilihan …` as written in a line of code: what does not exist. */
function unknownInvocations(program: Command, line: string): string[] {
  const problems: string[] = [];
  for (const match of line.replace(/\s#.*$/, '').matchAll(/\btayang((?:[ \t]+[^\s`|;&)]+)+)/g)) {
    const words = match[1]!.trim().split(/\s+/).map((word) => word.replace(/[[\]]/g, ''));
    if (words[0]!.startsWith('<')) continue; // a placeholder: `tayang <perintah>`
    let command = program.commands.find((candidate) => candidate.name() === words[0]);
    if (!command) {
      problems.push(`tayang ${words[0]}: no such command`);
      continue;
    }
    const sub = command.commands.find((candidate) => candidate.name() === words[1]);
    if (sub) command = sub;
    for (const word of words.filter((w) => w.startsWith('--'))) {
      const flag = word.split('=')[0]!;
      if (flag !== '--help' && !command.options.some((option) => option.long === flag)) problems.push(`tayang ${command.name()} ${flag}: no such option`);
    }
  }
  return problems;
}

const PROGRAM = loadProgram();

type Schema = z.core.$ZodType;

/** The schemas `key` leads to inside `schema`, through wrappers, unions, lists and maps. */
function fieldSchemas(schema: Schema, key: string): Schema[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      return Object.hasOwn(shape, key) ? [shape[key]!] : [];
    }
    case 'record':
      return [def.valueType as Schema];
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
      return fieldSchemas(def.innerType as Schema, key);
    case 'pipe':
      // z.preprocess is a pipe from a transform into the schema that holds the keys.
      return [...fieldSchemas(def.in as Schema, key), ...fieldSchemas(def.out as Schema, key)];
    case 'array':
      return fieldSchemas(def.element as Schema, key);
    case 'union':
      return (def.options as Schema[]).flatMap((option) => fieldSchemas(option, key));
    default:
      return [];
  }
}

/** A key of the config, or of an item's frontmatter where the two share a name (`periksa.abaikan`). */
function isConfigKey(path: string[]): boolean {
  let schemas: Schema[] = [ConfigSchema, ...Object.values(ITEM_SCHEMAS)];
  for (const key of path) schemas = schemas.flatMap((schema) => fieldSchemas(schema, key));
  return schemas.length > 0;
}

const CONFIG_ROOTS = Object.keys(ConfigSchema._zod.def.shape);

/** Every key path of a YAML example, `["jam_kerja", "libur"]`, through lists. */
function keyPaths(value: unknown, prefix: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((element) => keyPaths(element, prefix));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [[...prefix, key], ...keyPaths(inner, [...prefix, key])]);
}

/** Section anchors of a Markdown file as GitHub makes them. */
function anchors(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const found = new Set<string>();
  visit(parseMarkdown(file), 'heading', (heading) => {
    found.add(slugger.slug(toString(heading)));
  });
  return found;
}

/** Inline code that names a file of this repository (the office's own items and records aside). */
const REPO_PATH = /^(\.github|docs|presets|scripts|src|test|vendor)\/[\w./-]+$|^[\w.-]+\.yml$/;

function missingPath(text: string): boolean {
  if (/^[\w.-]+\.yml$/.test(text)) return !['', '.github/workflows', '.github/ISSUE_TEMPLATE', 'presets'].some((dir) => existsSync(join(ROOT, dir, text)));
  return !existsSync(join(ROOT, text));
}

describe.each(GUIDES)('%s', (guide) => {
  const tree = parseMarkdown(guide);
  const codes: (InlineCode | Code)[] = [];
  visit(tree, ['inlineCode', 'code'], (node) => {
    codes.push(node as InlineCode | Code);
  });

  it('names only commands and options that exist', async () => {
    const program = await PROGRAM;
    const shell = codes.filter((node) => node.type === 'inlineCode' || !node.lang || ['sh', 'bash', 'text'].includes(node.lang));
    expect(shell.flatMap((node) => node.value.split('\n').flatMap((line) => unknownInvocations(program, line)))).toEqual([]);
  });

  it('names only config keys that exist, in the text and in its YAML examples', () => {
    const dotted = codes.filter((node) => node.type === 'inlineCode' && /^[a-z_]+(\.[a-z_]+)+$/.test(node.value) && !/\.(yml|md|json)$/.test(node.value) && CONFIG_ROOTS.includes(node.value.split('.')[0]!)).map((node) => node.value.split('.'));
    const examples = codes.filter((node) => node.type === 'code' && node.lang === 'yaml').flatMap((node) => parseAllDocuments(node.value).flatMap((document) => keyPaths(document.toJS())));
    const configExamples = examples.filter((path) => CONFIG_ROOTS.includes(path[0]!));
    expect([...dotted, ...configExamples].filter((path) => !isConfigKey(path)).map((path) => path.join('.'))).toEqual([]);
  });

  it('names only files that exist', () => {
    const paths = codes.filter((node) => node.type === 'inlineCode' && REPO_PATH.test(node.value)).map((node) => node.value);
    expect(paths.filter(missingPath)).toEqual([]);
  });

  it('links only to files and sections that exist', () => {
    const broken: string[] = [];
    visit(tree, 'link', (link: Link) => {
      if (/^[a-z]+:/.test(link.url) || link.url.includes('…')) return; // elsewhere, or an example link
      const [path, anchor] = link.url.split('#');
      const target = path ? relative(ROOT, join(ROOT, dirname(guide), path)) : guide;
      if (!existsSync(join(ROOT, target))) broken.push(link.url);
      else if (anchor && target.endsWith('.md') && !anchors(target).has(anchor)) broken.push(link.url);
    });
    expect(broken).toEqual([]);
  });
});
