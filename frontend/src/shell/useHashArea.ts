import { useCallback, useEffect, useState } from 'react';
import { areaFromHash, hashForArea, type AreaId } from './areas';

/** The selected area, kept in location.hash ("#/contacts") so a reload keeps it. */
export function useHashArea(): [AreaId, (a: AreaId) => void] {
  const [area, setArea] = useState<AreaId>(() => areaFromHash(window.location.hash));

  useEffect(() => {
    const onHash = () => setArea(areaFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const go = useCallback((a: AreaId) => {
    const h = hashForArea(a);
    if (window.location.hash !== h) window.location.hash = h;
    setArea(a);
  }, []);

  return [area, go];
}
