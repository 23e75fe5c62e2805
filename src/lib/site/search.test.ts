import { describe, expect, it } from 'vitest';
import { queryOf, resultsMessage, splitExcerpt } from './search.ts';

describe('a search result excerpt', () => {
  it('marks the words Pagefind matched', () => {
    expect(splitExcerpt('Jadwal <mark>posyandu</mark> di Desa Balong, <mark>posyandu</mark> lansia.')).toEqual([
      { text: 'Jadwal ', marked: false },
      { text: 'posyandu', marked: true },
      { text: ' di Desa Balong, ', marked: false },
      { text: 'posyandu', marked: true },
      { text: ' lansia.', marked: false },
    ]);
  });

  it('keeps the markup a page wrote as text: Pagefind escapes it, and only <mark> is read', () => {
    expect(splitExcerpt('Contoh &lt;img src=x onerror=alert(1)&gt; & <mark>kode</mark> &lt;/mark&gt;')).toEqual([
      { text: 'Contoh <img src=x onerror=alert(1)> & ', marked: false },
      { text: 'kode', marked: true },
      { text: ' </mark>', marked: false },
    ]);
  });

  it('leaves an entity the page itself wrote as it is: Pagefind escapes only < and >', () => {
    // Pagefind 1.6's excerpt of a page whose text reads: Tulis &amp; atau &#39; & "kutip".
    expect(splitExcerpt('Tulis &amp; atau &#39; & <mark>"kutip"</mark>')).toEqual([
      { text: 'Tulis &amp; atau &#39; & ', marked: false },
      { text: '"kutip"', marked: true },
    ]);
  });

  it('joins words marked side by side into one run', () => {
    expect(splitExcerpt('<mark>air</mark><mark>bersih</mark> desa')).toEqual([
      { text: 'airbersih', marked: true },
      { text: ' desa', marked: false },
    ]);
  });
});

describe('what the search page says', () => {
  it('gives the count and the query, or what to try instead', () => {
    expect(resultsMessage(3, 'posyandu')).toBe('3 hasil untuk “posyandu”');
    expect(resultsMessage(0, 'posyandu')).toBe('Tidak ada hasil untuk “posyandu”. Coba kata lain, atau lihat daftar semua informasi di bawah.');
  });

  it('reads the query from the address', () => {
    expect(queryOf('?q=air+bersih')).toBe('air bersih');
    expect(queryOf('?q=%20jalan%20desa%20')).toBe('jalan desa');
    expect(queryOf('')).toBe('');
  });
});
