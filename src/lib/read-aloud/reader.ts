/**
 * The "Dengarkan" queue: one chunk spoken at a time, the next when it ends, with pause, resume
 * and stop. Pausing cancels the chunk and resuming speaks it again from its start, rather than
 * `speechSynthesis.pause()`: Chrome on Android cancels instead of pausing
 * (https://github.com/HadrienGardeur/read-aloud-best-practices/issues/5), and a chunk is one or
 * two sentences, so hearing it again costs a few seconds and helps the listener pick up the thread.
 */

/** What speaks: the browser glue wraps `speechSynthesis` in this. */
export interface Speaker {
  /** Speaks one chunk; `ended` when it was said to the end, `failed` when the voice gave up. */
  speak(text: string, ended: () => void, failed: () => void): void;
  /** Silences whatever is being said; its callbacks may still come and are ignored. */
  cancel(): void;
}

export type ReaderState = 'siap' | 'membaca' | 'jeda' | 'berhenti' | 'selesai' | 'gagal';

/** What the live region says for each state, and the label of the start/pause button. */
export const READER_TEXT: Record<ReaderState, { status: string; button: string }> = {
  siap: { status: '', button: 'Dengarkan' },
  membaca: { status: 'Membacakan…', button: 'Jeda' },
  jeda: { status: 'Dijeda', button: 'Lanjutkan' },
  berhenti: { status: 'Dihentikan', button: 'Dengarkan' },
  selesai: { status: 'Selesai', button: 'Dengarkan' },
  gagal: { status: 'Suara perangkat tidak dapat membacakan halaman ini.', button: 'Dengarkan' },
};

export interface Reader {
  readonly state: ReaderState;
  /** Start from the beginning, pause while reading, resume while paused. */
  toggle(): void;
  stop(): void;
}

export function createReader(speaker: Speaker, chunks: () => readonly string[], onChange: (state: ReaderState) => void): Reader {
  let state: ReaderState = 'siap';
  let queue: readonly string[] = [];
  let index = 0;
  // Callbacks of a chunk that was cancelled (Chrome reports those as ended or as "interrupted").
  let turn = 0;

  const become = (next: ReaderState) => {
    state = next;
    onChange(next);
  };
  const silence = () => {
    turn++;
    speaker.cancel();
  };
  const speakCurrent = () => {
    const mine = ++turn;
    speaker.speak(
      queue[index]!,
      () => {
        if (mine !== turn) return;
        index++;
        if (index < queue.length) speakCurrent();
        else become('selesai');
      },
      () => {
        if (mine !== turn) return;
        silence();
        become('gagal');
      },
    );
  };

  return {
    get state() {
      return state;
    },
    toggle() {
      if (state === 'membaca') {
        silence();
        become('jeda');
      } else if (state === 'jeda') {
        become('membaca');
        speakCurrent();
      } else {
        // What another page or tab left queued would be spoken first.
        silence();
        queue = chunks();
        index = 0;
        if (queue.length === 0) return become('selesai');
        become('membaca');
        speakCurrent();
      }
    },
    stop() {
      if (state !== 'membaca' && state !== 'jeda') return;
      silence();
      become('berhenti');
    },
  };
}
