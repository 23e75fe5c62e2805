import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openRecorder } from './synthesis.ts';

let dir: string | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('recorder', () => {
  it('stops the build with how to install the tools when eSpeak NG or LAME is missing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tayang-rekaman-uji-'));
    vi.stubEnv('PATH', dir);
    await expect(openRecorder(dir)).rejects.toThrow(/dengarkan\.rekaman.*rekaman suara dinyalakan, tetapi espeak-ng dan lame tidak terpasang[\s\S]*sudo apt-get install espeak-ng lame/);
  });

  it('makes an MP3 once and takes it from the cache the next time', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tayang-rekaman-uji-'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const first = await (await openRecorder(dir)).record('Selamat pagi.', 'uji');
    const again = await (await openRecorder(dir)).record('Selamat pagi.', 'uji');
    expect(log.mock.calls.filter(([line]) => String(line).startsWith('Rekaman suara dibuat: uji'))).toHaveLength(1);
    expect(again).toEqual(first);
    expect(first.seconds).toBeGreaterThan(0.3);
    const mp3 = await readFile(first.file);
    expect(mp3.length).toBe(first.bytes);
    expect([mp3[0], mp3[1]! & 0xe0]).toEqual([0xff, 0xe0]);
  });
});
