import type { GetStaticPaths } from 'astro';
import { recordingPaths } from '../_paths.ts';
import { serveRecording } from '../_rekaman.ts';

/** `/<slug>/dengarkan.mp3`: the text item read by eSpeak NG, when `dengarkan.rekaman` is on in tayang.config.yml. */
export const getStaticPaths = (() => recordingPaths('halaman')) satisfies GetStaticPaths;

export const GET = serveRecording;
