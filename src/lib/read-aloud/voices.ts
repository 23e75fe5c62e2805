/**
 * Which of the browser's voices reads Indonesian, and which of them best. The fields are those of
 * `SpeechSynthesisVoice`. The order, best first:
 *  1. neural network voices: "Natural", "Neural" or "Online" in the name (Edge on Windows:
 *     "Microsoft Ardi Online (Natural) - Indonesian (Indonesia)", "Microsoft Gadis Online …");
 *  2. Google's voices ("Google Bahasa Indonesia" in Chrome on the desktop);
 *  3. any other voice served from the network (`localService` false);
 *  4. any other voice of the device (Android's Google speech services, Windows "Microsoft
 *     Andika", Apple "Damayanti");
 *  5. formant and other robotic engines last (eSpeak NG, as speech-dispatcher offers it on
 *     desktop Linux; MBROLA, Festival, Pico): they are understood but tiring to listen to.
 * Within a rank the browser's default voice, then `id-ID` over a bare `id`, then the browser's order.
 */
export interface VoiceInfo {
  name: string;
  lang: string;
  localService: boolean;
  voiceURI: string;
  default: boolean;
}

/** `id`, `id-ID`, `id_ID`, and `in`, the code Java and older Android still use for Indonesian. */
export function isIndonesian(lang: string): boolean {
  return /^(id|in)([-_]|$)/i.test(lang);
}

/** Lower is better: the rank above, then the default voice, then `id-ID`. */
function score(voice: VoiceInfo): number {
  const named = `${voice.name} ${voice.voiceURI}`;
  const rank = /\b(natural|neural|online)\b/i.test(voice.name) ? 0
    : /\bgoogle\b/i.test(named) ? 1
    : /espeak|mbrola|festival|pico/i.test(named) ? 4
    : voice.localService ? 3 : 2;
  return rank * 4 + (voice.default ? 0 : 2) + (/^id[-_]id$/i.test(voice.lang) ? 0 : 1);
}

/** The Indonesian voice to read with, or undefined when the browser has none. */
export function pickIndonesianVoice<V extends VoiceInfo>(voices: readonly V[]): V | undefined {
  // Array sort is stable: equal scores keep the browser's order.
  return voices.filter((voice) => isIndonesian(voice.lang)).sort((a, b) => score(a) - score(b))[0];
}
