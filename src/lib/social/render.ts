import type { SocialPost } from './kit.ts';

const PLATFORM_NAMES: Record<SocialPost['platform'], string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  x: 'X',
  youtube: 'YouTube',
  whatsapp: 'WhatsApp (kirim manual)',
};

/** The kit for a terminal: each post's text and images, item by item. */
export function renderKitText(posts: readonly SocialPost[], kitDir: string): string {
  if (posts.length === 0) return 'Tidak ada kiriman media sosial untuk item yang dipilih.';
  return posts
    .map((post) => {
      const images = post.images.map((i) => `  gambar: ${kitDir}/${i.path} (${i.width}×${i.height}) — teks alternatif: ${i.alt}`);
      const title = post.title ? [`  judul: ${post.title}`] : [];
      return [`${post.item} — ${PLATFORM_NAMES[post.platform]}`, ...title, ...images, ...post.text.split('\n').map((l) => `  │ ${l}`)].join('\n');
    })
    .join('\n\n');
}

/**
 * The kit for a PR comment, so that the officials approve the posts together with the page:
 * one collapsible section per item, each platform's text exactly as it will be posted.
 */
export function renderKitMarkdown(posts: readonly SocialPost[]): string {
  if (posts.length === 0) return '';
  const byItem = Map.groupBy(posts, (p) => p.item);
  const sections = [...byItem].map(([item, itemPosts]) => {
    const blocks = itemPosts.map((post) => {
      const title = post.title ? `Judul: ${post.title}\n\n` : '';
      const images = post.images.map((i) => `\`${i.path}\` (${i.width}×${i.height}, teks alternatif: “${i.alt}”)`).join(', ');
      return `**${PLATFORM_NAMES[post.platform]}**${images ? ` — gambar ${images}` : ''}\n\n\`\`\`text\n${title}${post.text.replace(/```/g, "'''")}\n\`\`\``;
    });
    return `<details><summary>Kiriman media sosial: <code>${item}</code></summary>\n\n${blocks.join('\n\n')}\n\n</details>`;
  });
  return `### Pratinjau media sosial\n\nTeks di bawah ini yang akan dikirim setelah PR digabung; persetujuan PR ini juga menyetujui kiriman ini. Gambar ada di artefak *sosial* pada jalannya workflow.\n\n${sections.join('\n\n')}`;
}
