import { describe, expect, it } from 'vitest';
import { createReader, type ReaderState, type Speaker } from './reader.ts';

/** A speaker that records what it was asked and lets the test end or fail each chunk. */
function fakeSpeaker() {
  const said: { text: string; ended: () => void; failed: () => void }[] = [];
  let cancels = 0;
  const speaker: Speaker = {
    speak: (text, ended, failed) => void said.push({ text, ended, failed }),
    cancel: () => void cancels++,
  };
  return { speaker, said, cancels: () => cancels, last: () => said[said.length - 1]! };
}

function setUp(chunks = ['Judul', 'Ringkasan.', 'Isi pertama.', 'Isi kedua.']) {
  const fake = fakeSpeaker();
  const states: ReaderState[] = [];
  const reader = createReader(fake.speaker, () => chunks, (state) => states.push(state));
  return { ...fake, states, reader };
}

describe('the read-aloud queue', () => {
  it('speaks one chunk at a time, the next when the one before ends, then is done', () => {
    const { reader, said, states, last } = setUp();
    reader.toggle();
    expect(said.map((s) => s.text)).toEqual(['Judul']);
    expect(reader.state).toBe('membaca');
    last().ended();
    last().ended();
    last().ended();
    expect(said.map((s) => s.text)).toEqual(['Judul', 'Ringkasan.', 'Isi pertama.', 'Isi kedua.']);
    last().ended();
    expect(states).toEqual(['membaca', 'selesai']);
    expect(said).toHaveLength(4);
  });

  it('pauses by silencing the chunk and resumes by saying that chunk again', () => {
    const { reader, said, states, cancels, last } = setUp();
    reader.toggle();
    last().ended();
    const before = cancels();
    reader.toggle();
    expect(reader.state).toBe('jeda');
    expect(cancels()).toBe(before + 1);
    // Chrome reports the cancelled chunk as ended: that must not move the queue on.
    said[1]!.ended();
    expect(said).toHaveLength(2);
    reader.toggle();
    expect(reader.state).toBe('membaca');
    expect(said.map((s) => s.text)).toEqual(['Judul', 'Ringkasan.', 'Ringkasan.']);
    last().ended();
    expect(last().text).toBe('Isi pertama.');
    expect(states).toEqual(['membaca', 'jeda', 'membaca']);
  });

  it('stops while reading or paused, ignores the stopped chunk, and starts again from the title', () => {
    const { reader, said, states, cancels, last } = setUp();
    reader.toggle();
    last().ended();
    reader.stop();
    expect(reader.state).toBe('berhenti');
    said[1]!.failed();
    said[1]!.ended();
    expect(said).toHaveLength(2);
    reader.toggle();
    expect(last().text).toBe('Judul');
    reader.toggle();
    reader.stop();
    expect(states).toEqual(['membaca', 'berhenti', 'membaca', 'jeda', 'berhenti']);
    const after = cancels();
    reader.stop();
    expect(cancels(), 'stopping when stopped does nothing').toBe(after);
  });

  it('clears what was queued before it starts', () => {
    const { reader, cancels } = setUp();
    reader.toggle();
    expect(cancels()).toBe(1);
  });

  it('says it failed when the voice gives up, and can start again', () => {
    const { reader, states, last } = setUp();
    reader.toggle();
    last().failed();
    expect(reader.state).toBe('gagal');
    reader.toggle();
    expect(last().text).toBe('Judul');
    expect(states).toEqual(['membaca', 'gagal', 'membaca']);
  });

  it('is done at once for a page without text', () => {
    const { reader, said, states } = setUp([]);
    reader.toggle();
    expect(said).toEqual([]);
    expect(states).toEqual(['selesai']);
  });
});
