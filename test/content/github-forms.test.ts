// The PR template and issue forms authors and the public use. GitHub refuses an issue form with
// an unknown element type, a missing label or duplicate ids, and shows none; these tests hold the
// rules of GitHub's documented syntax ("Syntax for GitHub's form schema") and keep the forms in
// step with the content model.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '../../src/lib/content/types.ts';

const root = new URL('../../.github/', import.meta.url);
const ELEMENT_TYPES = ['markdown', 'input', 'textarea', 'dropdown', 'checkboxes'];

interface FormElement {
  type: string;
  id?: string;
  attributes: { label?: string; value?: string; options?: (string | { label: string })[] };
}
interface IssueForm {
  name: string;
  description: string;
  body: FormElement[];
}

async function readForm(name: string): Promise<IssueForm> {
  return parse(await readFile(new URL(`ISSUE_TEMPLATE/${name}`, root), 'utf8')) as IssueForm;
}

describe.each(['permintaan-publikasi.yml', 'kritik-dan-saran.yml'])('issue form %s', (name) => {
  it('follows GitHub\'s form syntax', async () => {
    const form = await readForm(name);
    expect(form.name).toBeTruthy();
    expect(form.description).toBeTruthy();
    expect(form.body.length).toBeGreaterThan(0);
    const ids = form.body.flatMap((e) => (e.id ? [e.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    for (const element of form.body) {
      expect(ELEMENT_TYPES).toContain(element.type);
      if (element.id !== undefined) expect(element.id).toMatch(/^[a-zA-Z0-9_-]+$/);
      if (element.type === 'markdown') expect(element.attributes.value).toBeTruthy();
      else expect(element.attributes.label, `${name}: ${element.id}`).toBeTruthy();
      if (element.type === 'dropdown' || element.type === 'checkboxes') {
        const labels = (element.attributes.options ?? []).map((o) => (typeof o === 'string' ? o : o.label));
        expect(labels.length).toBeGreaterThan(0);
        expect(new Set(labels).size).toBe(labels.length);
      }
    }
  });

  it('warns that what is written is public, so no personal data', async () => {
    const intro = (await readForm(name)).body[0]!;
    expect(intro.type).toBe('markdown');
    expect(intro.attributes.value).toMatch(/NIK/);
  });
});

describe('Permintaan publikasi', () => {
  it('offers exactly the content types', async () => {
    const form = await readForm('permintaan-publikasi.yml');
    expect(form.body.find((e) => e.id === 'jenis')?.attributes.options).toEqual([...CONTENT_TYPES]);
  });
});

describe('pull request template', () => {
  it('links the request it closes and carries the author checklist', async () => {
    const text = await readFile(new URL('PULL_REQUEST_TEMPLATE.md', root), 'utf8');
    expect(text).toMatch(/^Menutup #/m);
    expect(text).toContain('- [ ] ');
    expect(text).toContain('data pribadi');
  });
});
