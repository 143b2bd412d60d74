import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './notify';

/**
 * useAction runs a form's backend calls: `busy` while one runs (only for calls started with
 * `run`), and the last failure as translated text in `error` for an inline alert.
 */
export function useAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** attempt runs fn, turning a rejection into `error`; it never throws. */
  const attempt = useCallback(
    async (fn: () => Promise<void>) => {
      setError(null);
      try {
        await fn();
      } catch (e) {
        setError(errorText(e, t));
      }
    },
    [t],
  );

  /** run is attempt with `busy` set while fn runs. */
  const run = useCallback(
    async (fn: () => Promise<void>) => {
      setBusy(true);
      try {
        await attempt(fn);
      } finally {
        setBusy(false);
      }
    },
    [attempt],
  );

  const fail = useCallback((e: unknown) => setError(errorText(e, t)), [t]);

  return { busy, error, run, attempt, fail };
}
