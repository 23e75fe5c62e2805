import { describe, expect, it } from 'vitest';
import { checkLogo, logoPath } from './office.ts';

describe('office logo', () => {
  it('accepts no logo at all', () => {
    expect(checkLogo(undefined, () => false)).toEqual([]);
  });

  it('accepts a logo that exists under public/ and serves it from the site root', () => {
    expect(checkLogo('public/logo-jenawi.svg', () => true)).toEqual([]);
    expect(logoPath('public/logo-jenawi.svg')).toBe('logo-jenawi.svg');
  });

  it('refuses a logo outside public/, naming the key and the fix', () => {
    const [problem] = checkLogo('assets/logo.png', () => true);
    expect(problem).toMatchObject({ field: 'kantor.logo', message: 'logo "assets/logo.png" tidak berada di folder public/.' });
    expect(problem?.fix).toContain('public/logo.svg');
  });

  it('refuses a logo file that does not exist', () => {
    expect(checkLogo('public/logo.png', () => false)[0]?.message).toBe('berkas logo "public/logo.png" tidak ditemukan.');
  });
});
