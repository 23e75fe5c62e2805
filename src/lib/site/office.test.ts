import { describe, expect, it } from 'vitest';
import { checkLogo, logoPath } from './office.ts';

describe('office logo', () => {
  it('accepts no logo at all', () => {
    expect(checkLogo(undefined, () => false)).toEqual([]);
  });

  it('accepts a logo that exists under public/ and serves it from the site root', () => {
    expect(checkLogo('public/logo-jenawi.png', () => true)).toEqual([]);
    expect(logoPath('public/logo-jenawi.png')).toBe('logo-jenawi.png');
  });

  it('refuses a logo outside public/, naming the key and the fix', () => {
    const [problem] = checkLogo('assets/logo.png', () => true);
    expect(problem).toMatchObject({ field: 'kantor.logo', message: 'logo "assets/logo.png" tidak berada di folder public/.' });
    expect(problem?.fix).toContain('public/logo.png');
  });

  it('refuses an SVG logo, which could run scripts at its own address, and says which formats to use', () => {
    const [problem] = checkLogo('public/lambang.svg', () => true);
    expect(problem).toMatchObject({ field: 'kantor.logo', message: 'logo "public/lambang.svg" harus berformat PNG, WebP atau JPG.' });
    expect(problem?.fix).toContain('SVG dapat memuat skrip');
  });

  it('refuses a logo file that does not exist', () => {
    expect(checkLogo('public/logo.png', () => false)[0]?.message).toBe('berkas logo "public/logo.png" tidak ditemukan.');
  });
});
