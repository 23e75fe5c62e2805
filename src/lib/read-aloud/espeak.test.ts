import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { espeakInput } from './espeak.ts';
import { normalizeSpeech } from './normalize.ts';

const ipa = (text: string) => execFileSync('espeak-ng', ['-v', 'id', '-q', '--ipa', text], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim();

describe('eSpeak NG input', () => {
  it('gives eSpeak the words it misreads as phonemes, and letter names as letters', () => {
    expect(espeakInput('empat belas menit, pe pe i de. Enam')).toBe("[['@mpat]] [[b'@las]] [[m'@nit]], P P i D. [['@nam]]");
    expect(espeakInput('tempat pendek')).toBe('tempat pendek');
  });

  it('makes eSpeak say ə where Indonesian has it, and /e/ in the letter names', () => {
    expect(ipa(espeakInput(normalizeSpeech('14 menit')))).toBe('ˈəmpat bˈəlas mˈənit');
    expect(ipa(espeakInput(normalizeSpeech('PPID')))).toBe('pˈe pˈe ˈi dˈe');
  });
});
