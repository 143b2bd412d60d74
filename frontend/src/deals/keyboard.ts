import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';

const DIRECTIONS: string[] = [KeyboardCode.Down, KeyboardCode.Right, KeyboardCode.Up, KeyboardCode.Left];

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The drop area an arrow key goes to from `from`: the nearest area whose centre lies that way
 * (←/→ between stage columns, ↓ to the Won/Lost zones, ↑ back). Null when there is none.
 */
export function nextArea(code: string, from: Box, areas: { id: string; rect: Box }[]): { id: string; rect: Box } | null {
  const cx = from.left + from.width / 2;
  const cy = from.top + from.height / 2;
  let best: { id: string; rect: Box } | null = null;
  let bestDist = Infinity;
  for (const a of areas) {
    const ax = a.rect.left + a.rect.width / 2;
    const ay = a.rect.top + Math.min(a.rect.height / 2, 60);
    const inside = cx >= a.rect.left && cx <= a.rect.left + a.rect.width && cy >= a.rect.top && cy <= a.rect.top + a.rect.height;
    if (inside) continue;
    const ok =
      code === KeyboardCode.Right ? ax > cx + 1 : code === KeyboardCode.Left ? ax < cx - 1 : code === KeyboardCode.Down ? ay > cy + 1 : ay < cy - 1;
    if (!ok) continue;
    // Prefer the area straight that way: distance along the key's axis counts, sideways counts double.
    const along = code === KeyboardCode.Right || code === KeyboardCode.Left ? Math.abs(ax - cx) : Math.abs(ay - cy);
    const across = code === KeyboardCode.Right || code === KeyboardCode.Left ? Math.abs(ay - cy) : Math.abs(ax - cx);
    const dist = along + 2 * across;
    if (dist < bestDist) {
      bestDist = dist;
      best = a;
    }
  }
  return best;
}

/** dnd-kit's KeyboardSensor jumps from drop area to drop area instead of 25 px steps. */
export const boardCoordinates: KeyboardCoordinateGetter = (event, { context: { active, collisionRect, droppableRects, droppableContainers } }) => {
  if (!DIRECTIONS.includes(event.code)) return undefined;
  event.preventDefault();
  if (!active || !collisionRect) return undefined;
  const areas: { id: string; rect: Box }[] = [];
  for (const c of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(c.id);
    if (rect) areas.push({ id: String(c.id), rect });
  }
  const target = nextArea(event.code, collisionRect, areas);
  if (!target) return undefined;
  const ty = target.rect.top + Math.min(target.rect.height / 2, 60);
  return { x: target.rect.left + target.rect.width / 2 - collisionRect.width / 2, y: ty - collisionRect.height / 2 };
};
