import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { describePageIssue, findRuleMessage, loadRuleMessages, ruleIdOf, wcagOfAxeTags, wcagOfHtmlcsCode, type PageIssue } from './messages.ts';

const messages = loadRuleMessages();

function issue(overrides: Partial<PageIssue>): PageIssue {
  return { runner: 'axe', code: 'image-alt', type: 'error', message: '', context: '<img src="a.jpg">', selector: 'main > img', wcag: ['1.1.1'], ...overrides };
}

describe('rule messages', () => {
  it('covers the common rules of both runners', () => {
    const topics = (runner: 'axe' | 'htmlcs', code: string) => findRuleMessage({ runner, code }, messages)?.topik;
    expect(topics('axe', 'color-contrast')).toBe('kontras');
    expect(topics('axe', 'image-alt')).toBe('teks-alternatif');
    expect(topics('axe', 'label')).toBe('label-formulir');
    expect(topics('axe', 'heading-order')).toBe('judul-bagian');
    expect(topics('axe', 'region')).toBe('landmark');
    expect(topics('axe', 'link-name')).toBe('nama-tautan');
    expect(topics('axe', 'html-has-lang')).toBe('bahasa-halaman');
    expect(topics('axe', 'target-size')).toBe('ukuran-target');
    expect(topics('htmlcs', 'WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail')).toBe('kontras');
    expect(topics('htmlcs', 'WCAG2AA.Principle1.Guideline1_1.1_1_1.H37')).toBe('teks-alternatif');
    expect(topics('htmlcs', 'WCAG2AA.Principle3.Guideline3_1.3_1_1.H57.2')).toBe('bahasa-halaman');
  });

  it('picks the longest matching htmlcs code prefix', () => {
    expect(findRuleMessage({ runner: 'htmlcs', code: 'WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.A.NoContent' }, messages)?.topik).toBe('nama-tautan');
    expect(findRuleMessage({ runner: 'htmlcs', code: 'WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.Select.Name' }, messages)?.topik).toBe('label-formulir');
    expect(findRuleMessage({ runner: 'htmlcs', code: 'WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.Div.Name' }, messages)?.topik).toBe('aria');
  });

  it('has no axe rule id or htmlcs prefix twice', () => {
    const axe = messages.flatMap((entry) => entry.axe);
    const htmlcs = messages.flatMap((entry) => entry.htmlcs);
    expect(new Set(axe).size).toBe(axe.length);
    expect(new Set(htmlcs).size).toBe(htmlcs.length);
  });

  it('names only rules that exist in the axe-core pa11y injects', () => {
    const require = createRequire(import.meta.url);
    const axe = createRequire(require.resolve('pa11y'))('axe-core') as { getRules(): { ruleId: string }[] };
    const known = new Set(axe.getRules().map((rule) => rule.ruleId));
    expect(messages.flatMap((entry) => entry.axe).filter((id) => !known.has(id))).toEqual([]);
  });

  it('fills in the measured contrast from the htmlcs message', () => {
    const text = describePageIssue(
      issue({
        runner: 'htmlcs',
        code: 'WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail',
        message: 'This element has insufficient contrast at this conformance level. Expected a contrast ratio of at least 4.5:1, but text in this element has a contrast ratio of 2.32:1. Recommendation:  change text colour to #767676.',
      }),
      messages,
    );
    expect(text.message).toContain('Kontras warna (WCAG 1.4.3): Rasio kontras teks terhadap latarnya 2.32:1, padahal minimal 4.5:1.');
    expect(text.detailed).toBe(true);
  });

  it('uses the general wording when the runner gives no numbers', () => {
    const text = describePageIssue(issue({ code: 'color-contrast', message: 'Elements must meet minimum color contrast ratio thresholds' }), messages);
    expect(text.message).toContain('minimal 4,5:1 untuk teks biasa');
    expect(text.message).not.toContain('{');
    expect(text.detailed).toBe(false);
  });

  it('explains an unknown rule with its WCAG criteria and the runner message', () => {
    const text = describePageIssue(issue({ code: 'some-new-rule', message: 'Something is wrong', wcag: ['2.5.3'] }), messages);
    expect(text.topic).toBe('a11y/axe/some-new-rule');
    expect(text.message).toBe('Masalah aksesibilitas (WCAG 2.5.3) yang dilaporkan axe: "Something is wrong".');
  });

  it('names rules a11y/<runner>/<code> with the htmlcs code shortened', () => {
    expect(ruleIdOf({ runner: 'axe', code: 'target-size' })).toBe('a11y/axe/target-size');
    expect(ruleIdOf({ runner: 'htmlcs', code: 'WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail' })).toBe('a11y/htmlcs/1_4_3.G18.Fail');
  });

  it('reads WCAG criteria from axe tags and htmlcs codes', () => {
    expect(wcagOfAxeTags(['cat.color', 'wcag2aa', 'wcag143', 'wcag2411', 'wcag22aa'])).toEqual(['1.4.3', '2.4.11']);
    expect(wcagOfHtmlcsCode('WCAG2AA.Principle2.Guideline2_4.2_4_2.H25.1.NoTitleEl')).toEqual(['2.4.2']);
    expect(wcagOfHtmlcsCode('nonsense')).toEqual([]);
  });
});
