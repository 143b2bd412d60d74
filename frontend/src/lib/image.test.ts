import { describe, expect, it } from 'vitest';
import { fitWithin, initials } from './image';

describe('fitWithin', () => {
  it('shrinks the longer side to the limit and keeps proportions', () => {
    expect(fitWithin(2048, 1024, 512)).toEqual({ width: 512, height: 256 });
    expect(fitWithin(1000, 3000, 512)).toEqual({ width: 171, height: 512 });
  });
  it('never enlarges', () => {
    expect(fitWithin(100, 80, 512)).toEqual({ width: 100, height: 80 });
  });
  it('keeps at least one pixel and refuses empty sizes', () => {
    expect(fitWithin(10000, 1, 512)).toEqual({ width: 512, height: 1 });
    expect(fitWithin(0, 10, 512)).toEqual({ width: 0, height: 0 });
  });
});

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('ada king lovelace')).toBe('AL');
    expect(initials('Cher')).toBe('C');
    expect(initials('রবীন্দ্রনাথ ঠাকুর')).toBe('রঠ');
    expect(initials('  (Acme) ')).toBe('A');
    expect(initials('')).toBe('?');
  });
});
