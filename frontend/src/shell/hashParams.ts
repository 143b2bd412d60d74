import { useEffect, useState } from 'react';
import type { AreaId } from './areas';

/** "#/contacts?id=c1" → "c1" for name "id"; null when absent. */
export function hashParam(hash: string, name: string): string | null {
  const q = hash.indexOf('?');
  if (q < 0) return null;
  return new URLSearchParams(hash.slice(q + 1)).get(name);
}

/** The hash that opens one record of an area: "#/companies?id=…". */
export function hashForRecord(area: AreaId, id: string): string {
  return `#/${area}?${new URLSearchParams({ id }).toString()}`;
}

/** A parameter of location.hash, kept current on hashchange. */
export function useHashParam(name: string): string | null {
  const [value, setValue] = useState(() => hashParam(window.location.hash, name));
  useEffect(() => {
    const onHash = () => setValue(hashParam(window.location.hash, name));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [name]);
  return value;
}

/** Drops the parameters from location.hash without a new history entry or hashchange. */
export function clearHashParams(): void {
  const h = window.location.hash;
  const q = h.indexOf('?');
  if (q >= 0) window.history.replaceState(window.history.state, '', h.slice(0, q) || '#');
}
