import type { Nodes, RootContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { z } from 'zod';
import type { ItemSchemas } from '../content/schema.ts';
import type { TextType } from '../content/types.ts';
import { formatLocal, formatLocalRange, type TimeZone } from '../site/dates.ts';
import { CATEGORY_LABELS, CLASS_LABELS } from '../site/register.ts';

/**
 * What of a text item goes into its braille edition, as plain paragraphs in reading order: the
 * title, date and writer, the summary, the type's facts, the main picture's description, then
 * the body read from its Markdown tree (headings, paragraphs, list items with their markers,
 * table rows with their column names, link text, pictures as "Gambar: …", footnotes at the end).
 * Raw HTML in the body is left out: its text is read where it sits between tags written inline,
 * a whole HTML block is not.
 */

/** An item's frontmatter as the CLI or the site reads it: the picture's file does not matter here, its description does. */
type DataOf<T extends TextType> = Omit<z.output<ItemSchemas[T]>, 'gambar'> & { gambar?: { alt: string } };
export type BrailleItem = { [T in TextType]: { jenis: T; data: DataOf<T>; body: string } }[TextType];

const markdown = unified().use(remarkParse).use(remarkGfm);

export function brailleParagraphs(item: BrailleItem, zone: TimeZone): string[] {
  const { data } = item;
  const dated = item.jenis === 'halaman' ? 'Diperbarui' : item.jenis === 'agenda' ? 'Diumumkan' : 'Tanggal';
  const paragraphs = [data.judul, `${dated}: ${formatLocal(data.tanggal, zone)}.`, `Penulis: ${data.penulis}.`, data.ringkasan, ...factsOf(item, zone)];
  if (data.gambar) paragraphs.push(`Gambar: ${data.gambar.alt}`);
  return [...paragraphs.map(clean), ...bodyParagraphs(item.body)];
}

function factsOf(item: BrailleItem, zone: TimeZone): string[] {
  switch (item.jenis) {
    case 'berita':
      return [`Lokasi: ${item.data.lokasi}.`, ...(item.data.narasumber.length > 0 ? [`Narasumber: ${item.data.narasumber.join('; ')}.`] : [])];
    case 'agenda':
      return [`Waktu: ${formatLocalRange(item.data.mulai, item.data.selesai, zone)}.`, `Tempat: ${item.data.lokasi}.`, `Penyelenggara: ${item.data.penyelenggara}.`];
    case 'pengumuman':
      return [
        `Berlaku sampai: ${item.data.berlaku_sampai ? formatLocal(item.data.berlaku_sampai, zone) : 'sampai dicabut'}.`,
        ...(item.data.lampiran.length > 0 ? [`Lampiran: ${item.data.lampiran.map((l) => l.judul).join('; ')}.`] : []),
      ];
    case 'dokumen':
      return [...(item.data.nomor ? [`Nomor: ${item.data.nomor}.`] : []), `Kategori: ${CATEGORY_LABELS[item.data.kategori]}.`, `Klasifikasi: ${CLASS_LABELS[item.data.klasifikasi].title}.`];
    case 'artikel':
    case 'halaman':
      return [];
  }
}

/** The body's paragraphs from its Markdown tree; footnotes after the text, as the page shows them. */
export function bodyParagraphs(body: string): string[] {
  const tree = markdown.parse(body);
  const notes = tree.children.filter((node) => node.type === 'footnoteDefinition');
  return [...blocks(tree.children), ...notes.map((note) => `Catatan kaki ${note.label ?? note.identifier}: ${blocks(note.children).join(' ')}`)].map(clean).filter((text) => text !== '');
}

function blocks(nodes: readonly RootContent[]): string[] {
  return nodes.flatMap((node): string[] => {
    switch (node.type) {
      case 'heading':
      case 'paragraph':
        return [inline(node)];
      case 'blockquote':
        return blocks(node.children);
      case 'list':
        return node.children.flatMap((item, i) => {
          const [first = '', ...rest] = blocks(item.children);
          return [`${node.ordered ? `${(node.start ?? 1) + i}.` : '-'} ${first}`, ...rest];
        });
      case 'code':
        return node.value.split('\n');
      case 'table':
        return tableRows(node);
      default:
        // Raw HTML blocks, thematic breaks, link definitions; footnotes come last (bodyParagraphs).
        return [];
    }
  });
}

/** Each body row with its column names ("Desa: Balong; Jumlah: 1.204"); the header row alone if there is no other. */
function tableRows(table: Table): string[] {
  const [header, ...rows] = table.children.map((row) => row.children.map((cell) => clean(inline(cell))));
  if (header === undefined) return [];
  if (rows.length === 0) return [header.join('; ')];
  return rows.map((row) => row.map((cell, i) => (header[i] ? `${header[i]}: ${cell}` : cell)).join('; '));
}

function inline(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'image':
    case 'imageReference':
      return node.alt ? ` Gambar: ${node.alt} ` : '';
    case 'break':
      return ' ';
    case 'footnoteReference':
      return ` (catatan kaki ${node.label ?? node.identifier})`;
    case 'html':
      return '';
    default:
      return 'children' in node ? node.children.map(inline).join('') : '';
  }
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
