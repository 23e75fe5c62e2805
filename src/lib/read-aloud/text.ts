/**
 * What "Dengarkan" says, in pieces the browser can speak. Chrome cuts off an utterance after about
 * 15 seconds with its network voices (https://stackoverflow.com/q/42875726), so no piece may run
 * that long: whole sentences are packed into chunks of at most MAX_CHUNK characters, a paragraph
 * or heading always ends a chunk, and a sentence longer than that is cut at a clause, else at a
 * word. Packing sentences also joins what the sentence splitter cut after an abbreviation
 * ("Kab. Karanganyar"), and fewer utterances mean fewer gaps between them.
 */

/** About 11 s at the pace of the Indonesian voices at rate 1 (about 14 characters a second). */
export const MAX_CHUNK = 160;

/** Sentences of one paragraph; `Intl.Segmenter` where the browser has it (all current ones). */
export function splitSentences(text: string): string[] {
  const sentences =
    typeof Intl.Segmenter === 'function'
      ? Array.from(new Intl.Segmenter('id', { granularity: 'sentence' }).segment(text), (part) => part.segment)
      : // Older browsers: a sentence ends at . ! ? or … (and a closing quote or bracket) before a space.
        text.replace(/([.!?…]+["'”’)\]]*)\s+/g, '$1\n').split('\n');
  return sentences.map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
}

/** Cuts one over-long sentence: after the last , ; : or dash that fits, else at the last space, else hard. */
function cutSentence(sentence: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    const head = rest.slice(0, max + 1);
    const clause = Math.max(...[', ', '; ', ': ', ' – ', ' — '].map((mark) => head.lastIndexOf(mark)));
    const cut = clause > 0 ? clause + 1 : head.lastIndexOf(' ') > 0 ? head.lastIndexOf(' ') : max;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/**
 * The chunks to speak, in order, from blocks of text (the title, the summary, the body's text as
 * the browser lays it out, one paragraph a line).
 */
export function speechChunks(blocks: readonly string[], max = MAX_CHUNK): string[] {
  const chunks: string[] = [];
  const paragraphs = blocks.flatMap((block) => block.split(/\n+/)).map((line) => line.replace(/\s+/g, ' ').trim());
  for (const paragraph of paragraphs) {
    let chunk = '';
    for (const piece of splitSentences(paragraph).flatMap((sentence) => cutSentence(sentence, max))) {
      if (chunk !== '' && chunk.length + 1 + piece.length > max) {
        chunks.push(chunk);
        chunk = piece;
      } else {
        chunk = chunk === '' ? piece : `${chunk} ${piece}`;
      }
    }
    if (chunk !== '') chunks.push(chunk);
  }
  return chunks;
}
