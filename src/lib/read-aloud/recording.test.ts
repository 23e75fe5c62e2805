import { describe, expect, it } from 'vitest';
import { formatDuration, recordingDigest, recordingText } from './recording.ts';

describe('recorded edition', () => {
  it('says the title, the summary and the body, normalised, each paragraph ending in a stop', () => {
    const text = recordingText({
      judul: 'Layanan KTP-el Keliling',
      ringkasan: 'Gratis, pukul 08.00–12.00 WIB.',
      body: '## Syarat\n\nMembawa KK dan fotokopi **NIK**.\n\n- Rp0\n- Kab. Karanganyar\n',
    });
    expect(text).toBe(
      [
        'Layanan ka te pe el Keliling.',
        'Gratis, pukul delapan sampai pukul dua belas we i be.',
        'Syarat.',
        'Membawa ka ka dan fotokopi nik.',
        '- nol rupiah.',
        '- kabupaten Karanganyar.',
      ].join('\n'),
    );
  });

  it('is cached under a digest of the words and of the tools’ versions', () => {
    const versions = { espeak: 'eSpeak NG 1.51', lame: 'LAME 3.100' };
    expect(recordingDigest('Satu.', versions)).toBe(recordingDigest('Satu.', { ...versions }));
    expect(recordingDigest('Satu.', versions)).not.toBe(recordingDigest('Dua.', versions));
    expect(recordingDigest('Satu.', versions)).not.toBe(recordingDigest('Satu.', { ...versions, espeak: 'eSpeak NG 1.52' }));
  });

  it('says how long it plays in Indonesian', () => {
    expect(formatDuration(80.4)).toBe('1 menit 20 detik');
    expect(formatDuration(45)).toBe('45 detik');
    expect(formatDuration(120)).toBe('2 menit');
    expect(formatDuration(0.2)).toBe('1 detik');
  });
});
