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

  it('refuses a logo file that does not exist', () => {
    expect(checkLogo('public/logo.png', () => false)[0]?.message).toBe('berkas logo "public/logo.png" tidak ditemukan.');
  });
});
