import { describe, expect, it, vi, beforeEach } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { ContactDetail, webHref } from './ContactDetail';
import { renderWithProviders } from '../test/render';
import { richContact } from '../test/fixtures';
import * as events from '../api/events';
import i18n from '../i18n';
import type { Contact } from '../api/types';

vi.mock('../api/events', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/events')>()),
  openExternal: vi.fn(() => true),
}));

beforeEach(() => {
  vi.clearAllMocks();
});

function show(c: Contact) {
  renderWithProviders(<ContactDetail contact={c} onEdit={() => {}} onDelete={() => {}} />);
  return screen.getByTestId('contact-detail');
}

describe('ContactDetail, profile fields', () => {
  it('shows the nickname in quotes and the department with the job title and company', () => {
    const detail = show(richContact());
    expect(within(detail).getByTestId('detail-nickname')).toHaveTextContent('“Ada”');
    expect(within(detail).getByText('Analyst · Research · Analytical Engines Ltd')).toBeInTheDocument();
    expect(within(detail).getByTestId('detail-department')).toHaveTextContent('Research');
  });

  it('formats each address as a multi-line block with its label', () => {
    const detail = show(richContact());
    const blocks = within(within(detail).getByTestId('detail-addresses')).getAllByTestId('address');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toHaveTextContent(/^Home/);
    expect(blocks[0].querySelector('.fb-pre')?.textContent).toBe(
      "12 St James's Square\nFlat 2\nLondon, Greater London, SW1Y 4JH\nUnited Kingdom",
    );
    expect(blocks[1].querySelector('.fb-pre')?.textContent).toBe('1 Engine Lane\nCambridge, CB2 1TN\nUK');
  });

  it('formats a birthday with its year, and one without a year as day and month only', () => {
    let detail = show(richContact({ birthday: '1815-12-10', anniversary: '--05-17' }));
    expect(within(detail).getByTestId('detail-birthday')).toHaveTextContent(/^(December 10, 1815|10 December 1815)$/);
    expect(within(detail).getByTestId('detail-anniversary')).toHaveTextContent(/^(May 17|17 May)$/);
    document.body.innerHTML = '';

    detail = show(richContact({ birthday: '--12-10' }));
    expect(within(detail).getByTestId('detail-birthday').textContent).not.toMatch(/\d{4}/);
  });

  it('formats dates in Bengali when the interface is Bengali', async () => {
    const detail = show(richContact({ birthday: '--12-10' }));
    await i18n.changeLanguage('bn');
    try {
      expect(await within(detail).findByText('১০ ডিসেম্বর')).toBeInTheDocument();
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('opens websites in the system browser, never in the webview', () => {
    const detail = show(richContact());
    const link = within(within(detail).getByTestId('detail-urls')).getByRole('link', { name: 'https://engines.example/ada' });
    expect(link).toHaveAttribute('href', 'https://engines.example/ada');
    expect(within(detail).getByTestId('detail-urls')).toHaveTextContent('Blog');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    fireEvent(link, click);
    expect(events.openExternal).toHaveBeenCalledWith('https://engines.example/ada');
    expect(click.defaultPrevented).toBe(true);
  });

  it('shows the personal profile as text with its line breaks', () => {
    const detail = show(richContact({ profile: '<b>likes</b> tea\nand cake' }));
    expect(within(detail).getByTestId('contact-profile').textContent).toBe('<b>likes</b> tea\nand cake');
    expect(detail.querySelector('b')).toBeNull();
  });

  it('links only http(s) web addresses', () => {
    expect(webHref('www.example.com/x')).toBe('https://www.example.com/x');
    expect(webHref('http://example.com')).toBe('http://example.com/');
    expect(webHref('javascript:alert(1)')).toBeUndefined();
    expect(webHref('')).toBeUndefined();
  });
});
