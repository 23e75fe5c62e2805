import { describe, expect, it } from 'vitest';
import { cropWindow, FOCUS_NAMES, focusPosition, parseFocusPosition, type CropWindow } from './focus.ts';

const contains = (window: CropWindow, x: number, y: number) => x >= window.left && x <= window.left + window.width && y >= window.top && y <= window.top + window.height;

describe('the crop window around a focal point', () => {
  it('is centred on the focus where the picture allows', () => {
    // A 4:5 portrait from a 1600 × 900 photo is 720 × 900; centred on x = 800 it starts at 440.
    expect(cropWindow(1600, 900, 1080, 1350, { x: 50, y: 50 })).toEqual({ left: 440, top: 0, width: 720, height: 900 });
    expect(cropWindow(1600, 900, 1080, 1350, { x: 40, y: 50 })).toEqual({ left: 280, top: 0, width: 720, height: 900 });
  });

  it('lies against the edge when the focus is near it, never outside the picture', () => {
    expect(cropWindow(1600, 900, 1080, 1350, { x: 85, y: 55 })).toEqual({ left: 880, top: 0, width: 720, height: 900 });
    expect(cropWindow(1600, 900, 1080, 1350, FOCUS_NAMES.kiri!)).toEqual({ left: 0, top: 0, width: 720, height: 900 });
    expect(cropWindow(1600, 900, 1200, 630, FOCUS_NAMES.bawah!)).toEqual({ left: 0, top: 60, width: 1600, height: 840 });
    expect(cropWindow(900, 1600, 1600, 900, FOCUS_NAMES['kanan-atas']!)).toEqual({ left: 0, top: 0, width: 900, height: 506 });
  });

  it('keeps the focal point inside the window for every shape the site and the social kit crop to', () => {
    const shapes = [[1080, 1350], [1080, 1080], [1200, 630], [1600, 900], [640, 427]] as const;
    const pictures = [[1600, 900], [900, 1600], [4000, 3000], [500, 500]] as const;
    for (const [width, height] of pictures) {
      for (const [targetWidth, targetHeight] of shapes) {
        for (const x of [0, 7, 33, 50, 85, 100]) {
          for (const y of [0, 20, 50, 91, 100]) {
            const window = cropWindow(width, height, targetWidth, targetHeight, { x, y });
            const where = `${width}×${height} → ${targetWidth}×${targetHeight} at ${x}%, ${y}%`;
            expect(contains(window, (width * x) / 100, (height * y) / 100), where).toBe(true);
            expect(window.left + window.width <= width && window.top + window.height <= height && window.left >= 0 && window.top >= 0, where).toBe(true);
            expect(Math.abs(window.width / window.height - targetWidth / targetHeight), where).toBeLessThan(0.01);
          }
        }
      }
    }
  });

  it('travels to the image service as a position sharp itself never takes', () => {
    expect(focusPosition({ x: 85, y: 55 })).toBe('85% 55%');
    expect(parseFocusPosition('85% 55%')).toEqual({ x: 85, y: 55 });
    for (const position of ['centre', 'left top', 'attention', undefined, 16]) expect(parseFocusPosition(position)).toBeUndefined();
  });
});
