/**
 * What eSpeak NG gets wrong in the words the speech normaliser writes, and what to give it
 * instead. Indonesian spells /ə/ and /e/ alike and eSpeak's `id` rules guess /ɛ/ for most of
 * them: it reads its own digits right ("14" ˈəmpatbəlas) but the words "empat belas" as
 * ˈɛmpat bˈɛlas. So these words go to eSpeak as phonemes in its own notation (`[[...]]`, eSpeak
 * NG's phoneme input: `@` ə, `E` ɛ, `e` e, `R` r, `N` ŋ, `'` the stressed syllable; its own
 * transcription, `espeak-ng -v id -x`, with the vowel put right after KBBI), and the names of
 * the letters as capitals, which eSpeak says with /e/ ("P" pˈe, "pe" pˈɛ). The body's own words
 * keep eSpeak's guess: no list can cover the language (bench/README.md).
 */

/** Word (small letters) → eSpeak NG phonemes. */
export const ESPEAK_PHONEMES: Readonly<Record<string, string>> = {
  empat: "'@mpat",
  enam: "'@nam",
  belas: "b'@las",
  sebelas: "s@b'@las",
  menit: "m'@nit",
  persen: "p'@Rsen",
  dengan: "d'@Nan",
  kabupaten: "k,abup'aten",
  gubernur: "gub'@RnuR",
  negeri: "n@g'@Ri",
  selesai: "s@l'@saI",
  presiden: "pR2@s'iden",
};

/** Letter names eSpeak says better as the letter itself (no Indonesian word is spelled like these). */
const LETTERS = new Set(['be', 'ce', 'de', 'ge', 'je', 'pe', 'te', 'we', 'ye']);

/** The normaliser's text as eSpeak NG's input. */
export function espeakInput(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}[\]])\p{L}+(?![\p{L}\p{N}[\]])/gu, (word) => {
    const lower = word.toLowerCase();
    if (ESPEAK_PHONEMES[lower]) return `[[${ESPEAK_PHONEMES[lower]}]]`;
    return lower === word && LETTERS.has(word) ? word[0]!.toUpperCase() : word;
  });
}
