import { describe, expect, it } from 'vitest';
import { parseCheckDocument } from './document.ts';
import { isInsideFolder, resolveReference } from './references.ts';

describe('resolveReference', () => {
  const doc = parseCheckDocument('content/berita/panen/index.md', 'Isi.\n');

  it('decodes an address as Astro does when it publishes it (decodeURI): %23 stays in the name', () => {
    expect(resolveReference(doc, 'foto%20sawah.jpg')).toBe('content/berita/panen/foto sawah.jpg');
    expect(resolveReference(doc, 'foto%23.jpg')).toBe('content/berita/panen/foto%23.jpg');
    expect(resolveReference(doc, 'naik-100%.png')).toBe('content/berita/panen/naik-100%.png');
  });

  it('leaves web addresses and site paths alone, and sees a way out of the item', () => {
    expect(resolveReference(doc, 'https://contoh.go.id/a.jpg')).toBeUndefined();
    expect(resolveReference(doc, '/logo.png')).toBeUndefined();
    expect(isInsideFolder(doc, resolveReference(doc, '../../../.env')!)).toBe(false);
  });
});
