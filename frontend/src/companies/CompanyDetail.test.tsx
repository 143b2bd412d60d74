import { describe, expect, it, vi, beforeEach } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { CompanyDetail } from './CompanyDetail';
import { ContactDetail } from '../contacts/ContactDetail';
import { renderWithProviders } from '../test/render';
import { fullContact } from '../test/fixtures';
import * as companies from '../api/companies';
import type { Company } from '../api/types';

vi.mock('../api/companies', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/companies')>()),
  companyPeople: vi.fn(),
  listCustomFields: vi.fn(),
  contactPhoto: vi.fn(),
}));
const api = vi.mocked(companies);

function company(patch: Partial<Company> = {}): Company {
  return {
    id: 'co1',
    version: 1,
    name: 'Acme <b>Inc</b>',
    industry: '',
    website: '',
    size: '',
    phone: '',
    address: { label: '', street: '', city: '', region: '', postcode: '', country: '' },
    notes: '',
    people: 2,
    createdAt: '2026-11-23T09:00:00Z',
    updatedAt: '2026-11-23T09:00:00Z',
    ...patch,
  };
}

const person = (id: string, displayName: string) => ({ id, displayName, company: 'Acme', title: '', email: '', phone: '', tags: [] });

beforeEach(() => {
  vi.clearAllMocks();
  api.companyPeople.mockResolvedValue({ items: [person('c1', 'Ann Bee'), person('c2', 'Bo Cy')], total: 3, offset: 0 });
  api.listCustomFields.mockResolvedValue([]);
  api.contactPhoto.mockResolvedValue('');
});

describe('CompanyDetail', () => {
  it('invites details for a company known only by name, and links its people to their contact', async () => {
    const onEdit = vi.fn();
    renderWithProviders(<CompanyDetail company={company()} onEdit={onEdit} onDelete={() => {}} deleting={false} />);
    const page = screen.getByTestId('company-detail');
    expect(within(page).getByTestId('company-title')).toHaveTextContent('Acme <b>Inc</b>');
    fireEvent.click(within(page).getByTestId('company-fill'));
    expect(onEdit).toHaveBeenCalled();
    const ann = await within(page).findByRole('link', { name: 'Ann Bee' });
    expect(ann).toHaveAttribute('href', '#/contacts?id=c1');
    expect(within(page).getByRole('button', { name: 'Show 1 more' })).toBeInTheDocument();
    expect(api.companyPeople).toHaveBeenCalledWith('co1', 0, 100);
  });

  it('shows the details it has, and no invitation', () => {
    renderWithProviders(
      <CompanyDetail
        company={company({ industry: 'Rockets', website: 'https://acme.example', address: { label: 'work', street: '1 Road', city: 'Oslo', region: '', postcode: '', country: 'Norway' } })}
        onEdit={() => {}}
        onDelete={() => {}}
        deleting={false}
      />,
    );
    const page = screen.getByTestId('company-detail');
    expect(within(page).queryByTestId('company-invite')).toBeNull();
    expect(within(page).getByTestId('company-address-value')).toHaveTextContent('1 Road Oslo Norway');
    expect(within(page).getByRole('link', { name: 'https://acme.example' })).toHaveAttribute('href', 'https://acme.example/');
  });
});

describe('ContactDetail extras', () => {
  it('links the company, shows formatted phones with a warning for an impossible one, initials without a photo', async () => {
    api.listCustomFields.mockResolvedValue([
      { id: 'f1', name: 'Shoe size', kind: 'number', options: [] },
      { id: 'f2', name: 'Hidden', kind: 'text', options: [] },
    ]);
    const c = fullContact({
      phones: [
        { label: 'work', value: '030 1234567' },
        { label: 'home', value: '12 3' },
      ],
      phoneInfo: [
        { formatted: '+49 30 1234567', e164: '+49301234567', problem: '' },
        { formatted: '12 3', e164: '', problem: 'too short' },
      ],
      custom: { f1: '44.5' },
    });
    renderWithProviders(<ContactDetail contact={c} onEdit={() => {}} onDelete={() => {}} />);
    const d = screen.getByTestId('contact-detail');
    expect(within(d).getByTestId('detail-company-link')).toHaveAttribute('href', '#/companies?id=co1');
    expect(within(d).getByRole('link', { name: '+49 30 1234567' })).toHaveAttribute('href', 'tel:+49301234567');
    expect(within(d).getAllByTestId('phone-problem')).toHaveLength(1);
    expect(within(d).getByTestId('contact-avatar')).toHaveTextContent('AL');
    const custom = await within(d).findAllByTestId('detail-custom');
    expect(custom.map((e) => e.textContent)).toEqual(['44.5']);
  });
});
