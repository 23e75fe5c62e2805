/**
 * Link text for downloads. WCAG 2.4.4 and GOV.UK practice: say the file type and size in the
 * link, so people on metered connections and screen-reader users know what they will get.
 */

/** File kinds by extension, in the words readers know. */
const FILE_KINDS: Record<string, string> = {
  pdf: 'PDF',
  csv: 'CSV',
  xlsx: 'Excel',
  xls: 'Excel',
  docx: 'Word',
  doc: 'Word',
  odt: 'ODT',
  ods: 'ODS',
  zip: 'ZIP',
  jpg: 'JPEG',
  jpeg: 'JPEG',
  png: 'PNG',
  mp3: 'MP3',
  mp4: 'MP4',
  webm: 'WebM',
  vtt: 'WebVTT',
  txt: 'teks',
};

export function fileKind(fileName: string): string {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return FILE_KINDS[extension] ?? extension.toUpperCase();
}

/** `1 234 567` bytes → "1,2 MB" (Indonesian decimal comma; 1 KB = 1024 bytes as file managers show). */
export function formatFileSize(bytes: number): string {
  const units = ['byte', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${SIZE_FORMATS[digits]!.format(value)} ${units[unit]}`;
}

// Made once: a NumberFormat takes longer to make than a thousand numbers take to format, and
// every item page shows a few sizes.
const SIZE_FORMATS = [0, 1].map((digits) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: digits }));

/** "PDF, 245 KB" */
export function describeFile(fileName: string, bytes: number): string {
  return `${fileKind(fileName)}, ${formatFileSize(bytes)}`;
}
