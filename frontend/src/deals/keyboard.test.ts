// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { nextArea } from './keyboard';

const col = (id: string, left: number) => ({ id, rect: { left, top: 100, width: 260, height: 600 } });
const areas = [col('s1', 0), col('s2', 270), col('s3', 540), { id: 'won', rect: { left: 0, top: 720, width: 400, height: 70 } }, { id: 'lost', rect: { left: 410, top: 720, width: 400, height: 70 } }];
const card = (left: number, top = 150) => ({ left, top, width: 240, height: 80 });

describe('nextArea', () => {
  it('goes to the next stage right or left', () => {
    expect(nextArea('ArrowRight', card(10), areas)?.id).toBe('s2');
    expect(nextArea('ArrowRight', card(280), areas)?.id).toBe('s3');
    expect(nextArea('ArrowLeft', card(280), areas)?.id).toBe('s1');
  });

  it('stops at the edges', () => {
    expect(nextArea('ArrowLeft', card(10), areas)).toBeNull();
    expect(nextArea('ArrowRight', card(550), areas)).toBeNull();
  });

  it('goes down to the closing zone under the card, and back up', () => {
    expect(nextArea('ArrowDown', card(10), areas)?.id).toBe('won');
    expect(nextArea('ArrowDown', card(550), areas)?.id).toBe('lost');
    expect(nextArea('ArrowUp', card(10, 715), areas)?.id).toBe('s1');
  });
});
