import { describe, expect, it } from 'vitest';
import { itemPageKey } from './page-cache.ts';

const checked = { environment: 'e1', folders: new Map([['content/berita/a', 'd1']]) };

describe('itemPageKey', () => {
  it('gives no key for a folder the check has no digest of, or without the check', () => {
    expect(itemPageKey(checked, 'content/berita/b', {})).toBeUndefined();
    expect(itemPageKey(undefined, 'content/berita/a', {})).toBeUndefined();
  });

  it('is the same for the same folder, environment and what the page shows', () => {
    expect(itemPageKey(checked, 'content/berita/a', { menu: [1] })).toBe(itemPageKey({ ...checked }, 'content/berita/a', { menu: [1] }));
  });

  it('changes with the folder, the environment and anything the page shows', () => {
    const key = itemPageKey(checked, 'content/berita/a', { menu: [1], upcoming: true });
    expect(itemPageKey({ ...checked, folders: new Map([['content/berita/a', 'd2']]) }, 'content/berita/a', { menu: [1], upcoming: true })).not.toBe(key);
    expect(itemPageKey({ ...checked, environment: 'e2' }, 'content/berita/a', { menu: [1], upcoming: true })).not.toBe(key);
    expect(itemPageKey(checked, 'content/berita/a', { menu: [2], upcoming: true })).not.toBe(key);
    expect(itemPageKey(checked, 'content/berita/a', { menu: [1], upcoming: false })).not.toBe(key);
  });
});
