import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useAction } from './useAction';
import { ApiError } from '../api/errors';
import '../i18n';

describe('useAction', () => {
  it('is busy while a run lasts and clears the previous error', async () => {
    const { result } = renderHook(() => useAction());
    let finish!: () => void;
    let done!: Promise<void>;
    act(() => {
      done = result.current.run(() => new Promise<void>((r) => (finish = r)));
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      finish();
      await done;
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it('turns a rejection into translated text and never throws', async () => {
    const { result } = renderHook(() => useAction());
    await act(() =>
      result.current.run(async () => {
        throw new ApiError('file_unreadable', 'open /x: no such file');
      }),
    );
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toBeTruthy();
    expect(result.current.error).not.toBe('file_unreadable');
    // attempt does the same without marking busy; a success clears the error.
    await act(() => result.current.attempt(async () => {}));
    expect(result.current.error).toBeNull();
  });
});
