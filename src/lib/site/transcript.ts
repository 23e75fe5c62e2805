/**
 * A transcript as paragraphs. Authors write one utterance or scene note per line (as YAML `|`
 * keeps them); each line becomes its own paragraph so screen readers and braille displays can
 * move through it line by line.
 */
export function transcriptParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
