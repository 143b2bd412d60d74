import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useScopeChoice, type ScopeAction } from './EditScopeDialog';
import { renderWithProviders } from '../test/render';
import type { EditScope } from '../api';

function Asker({ action, scopes, onResult }: { action: ScopeAction; scopes?: EditScope[]; onResult: (s: EditScope | null) => void }) {
  const { ask, dialog } = useScopeChoice();
  return (
    <>
      <button type="button" onClick={() => void ask(action, scopes).then(onResult)}>
        ask
      </button>
      {dialog}
    </>
  );
}

describe('edit scope dialog', () => {
  it.each([
    ['scope-this', 'this'],
    ['scope-following', 'following'],
    ['scope-all', 'all'],
  ])('resolves with the choice (%s) and closes', async (testId, scope) => {
    const onResult = vi.fn();
    renderWithProviders(<Asker action="move" onResult={onResult} />);
    fireEvent.click(screen.getByRole('button', { name: 'ask' }));
    const dialog = await screen.findByTestId('scope-dialog');
    expect(dialog).toHaveAttribute('data-action', 'move');
    expect(screen.getByText('Move a repeating meeting')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId(testId));
    await waitFor(() => expect(onResult).toHaveBeenCalledWith(scope));
    await waitFor(() => expect(screen.queryByTestId('scope-dialog')).toBeNull());
  });

  it('resolves with null when cancelled', async () => {
    const onResult = vi.fn();
    renderWithProviders(<Asker action="delete" onResult={onResult} />);
    fireEvent.click(screen.getByRole('button', { name: 'ask' }));
    fireEvent.click(await screen.findByTestId('scope-cancel'));
    await waitFor(() => expect(onResult).toHaveBeenCalledWith(null));
  });

  it('offers only the scopes allowed (a changed repeat rule cannot apply to one occurrence)', async () => {
    renderWithProviders(<Asker action="edit" scopes={['following', 'all']} onResult={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'ask' }));
    await screen.findByTestId('scope-dialog');
    expect(screen.queryByTestId('scope-this')).toBeNull();
    expect(screen.getByTestId('scope-following')).toBeInTheDocument();
    expect(screen.getByTestId('scope-all')).toBeInTheDocument();
  });
});
