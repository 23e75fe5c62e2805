import { describe, expect, it } from 'vitest';
import { isIndonesian, pickIndonesianVoice, type VoiceInfo } from './voices.ts';

const voice = (name: string, lang: string, more: Partial<VoiceInfo> = {}): VoiceInfo => ({ name, lang, localService: true, voiceURI: name, default: false, ...more });

describe('Indonesian voices', () => {
  it('knows Indonesian by its language code, with a region or without, and the old code in', () => {
    expect(['id', 'id-ID', 'id_ID', 'ID-id', 'in-ID', 'in'].every(isIndonesian)).toBe(true);
    expect(['en-US', 'ms-MY', 'jv-ID', 'ind', 'it-IT', ''].some(isIndonesian)).toBe(false);
  });

  it('has none to pick when the browser has only other languages (the control stays hidden)', () => {
    expect(pickIndonesianVoice([voice('Google US English', 'en-US', { localService: false }), voice('Malay', 'ms-MY')])).toBeUndefined();
    expect(pickIndonesianVoice([])).toBeUndefined();
  });

  it('prefers a neural voice, then Google, then a network voice, then the device, eSpeak last', () => {
    const espeak = voice('eSpeak NG Indonesian', 'id');
    const device = voice('Microsoft Andika - Indonesian (Indonesia)', 'id-ID');
    const network = voice('Suara Awan', 'id-ID', { localService: false });
    const google = voice('Google Bahasa Indonesia', 'id-ID', { localService: false });
    const natural = voice('Microsoft Gadis Online (Natural) - Indonesian (Indonesia)', 'id-ID', { localService: false });
    const english = voice('Microsoft Aria Online (Natural) - English (United States)', 'en-US', { localService: false, default: true });
    const ranked = [espeak, device, network, google, natural];
    for (let i = 0; i < ranked.length; i++) {
      expect(pickIndonesianVoice([english, ...ranked.slice(0, i + 1)])).toBe(ranked[i]);
    }
    // An eSpeak voice is still a voice: the control shows when it is the only one.
    expect(pickIndonesianVoice([english, espeak])).toBe(espeak);
    expect(pickIndonesianVoice([voice('Indonesian', 'id', { voiceURI: 'urn:espeak-ng:id' }), device])).toBe(device);
  });

  it('within a rank takes the default voice, then id-ID over a bare id, then the browser order', () => {
    const [a, b, c] = [voice('A', 'id'), voice('B', 'id-ID'), voice('C', 'id-ID', { default: true })];
    expect(pickIndonesianVoice([a, b, c])).toBe(c);
    expect(pickIndonesianVoice([a, b])).toBe(b);
    const [d, e] = [voice('D', 'id-ID'), voice('E', 'id-ID')];
    expect(pickIndonesianVoice([d, e])).toBe(d);
  });
});
