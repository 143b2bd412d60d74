import { describe, expect, it, vi, beforeEach } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContactForm } from './ContactForm';
import { renderWithProviders } from '../test/render';
import { emptyInput, fullContact, richContact } from '../test/fixtures';
import { ApiError } from '../api/errors';
import * as contacts from '../api/contacts';

vi.mock('../api/contacts', () => ({
  listContacts: vi.fn(),
  getContact: vi.fn(),
  createContact: vi.fn(),
  updateContact: vi.fn(),
  deleteContact: vi.fn(),
  restoreContact: vi.fn(),
  MAX_PAGE_SIZE: 500,
}));

const api = vi.mocked(contacts);

beforeEach(() => {
  vi.clearAllMocks();
});

/** Types a whole value at once (paste), keeping the suite fast. */
async function fill(user: ReturnType<typeof userEvent.setup>, el: HTMLElement, text: string) {
  await user.click(el);
  await user.paste(text);
}

function setup(props: Partial<Parameters<typeof ContactForm>[0]> = {}) {
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
  renderWithProviders(<ContactForm onSaved={onSaved} onCancel={onCancel} {...props} />);
  return { user, onSaved, onCancel };
}

describe('ContactForm', () => {
  it('has every labelled field, starting with one e-mail and one phone row', () => {
    setup();
    for (const label of ['Prefix', 'First name', 'Middle name', 'Last name', 'Suffix', 'Company', 'Job title', 'Notes', 'Tags']) {
      expect(screen.getByLabelText(label, { selector: 'input, textarea' })).toBeInTheDocument();
    }
    expect(screen.getByLabelText('E-mail 1')).toBeInTheDocument();
    expect(screen.getByLabelText('Phone 1')).toBeInTheDocument();
    expect(screen.getByLabelText('E-mail 1 label')).toHaveValue('work');
    expect(screen.getByLabelText('Phone 1 label')).toHaveValue('mobile');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('title', 'Save (Ctrl+S)');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveAttribute('title', 'Cancel (Esc)');
  });

  it('adds and removes e-mail rows, renumbering the rest', async () => {
    const { user } = setup();
    await fill(user, screen.getByLabelText('E-mail 1'), 'first@example.com');
    await user.click(screen.getByRole('button', { name: 'Add e-mail' }));
    const second = screen.getByLabelText('E-mail 2');
    expect(second).toHaveFocus();
    await fill(user, second, 'second@example.com');
    expect(screen.getAllByTestId('email-row')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Remove e-mail 1' }));
    expect(screen.getAllByTestId('email-row')).toHaveLength(1);
    expect(screen.getByLabelText('E-mail 1')).toHaveValue('second@example.com');
    expect(screen.queryByLabelText('E-mail 2')).not.toBeInTheDocument();
  });

  it('builds the ContactInput and creates the contact', async () => {
    const created = fullContact({ id: 'new1' });
    api.createContact.mockResolvedValue(created);
    const { user, onSaved } = setup();

    await fill(user, screen.getByLabelText('First name'), 'Grace');
    await fill(user, screen.getByLabelText('Last name'), 'Hopper');
    await fill(user, screen.getByLabelText('Company'), 'Navy');
    await fill(user, screen.getByLabelText('E-mail 1'), 'grace@navy.example');
    await user.click(screen.getByRole('button', { name: 'Add e-mail' }));
    await fill(user, screen.getByLabelText('E-mail 2'), 'grace@home.example');
    await user.selectOptions(screen.getByLabelText('E-mail 2 label'), 'home');
    await fill(user, screen.getByLabelText('Phone 1'), '+1 555 0100');
    await user.type(screen.getByLabelText('Tags'), 'admiral{Enter}');
    await user.type(screen.getByLabelText('Notes'), 'Line 1{Enter}Line 2');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(created));
    expect(api.createContact).toHaveBeenCalledTimes(1);
    expect(api.createContact.mock.calls[0][0]).toEqual({
      ...emptyInput(),
      givenName: 'Grace',
      familyName: 'Hopper',
      company: 'Navy',
      notes: 'Line 1\nLine 2',
      emails: [
        { label: 'work', value: 'grace@navy.example' },
        { label: 'home', value: 'grace@home.example' },
      ],
      phones: [{ label: 'mobile', value: '+1 555 0100' }],
      tags: ['admiral'],
    });
  });

  it('shows a validation error on the field the backend names', async () => {
    api.createContact.mockRejectedValue(new ApiError('email_invalid', 'invalid e-mail', 'emails.1'));
    const { user, onSaved } = setup();
    await fill(user, screen.getByLabelText('First name'), 'Grace');
    await fill(user, screen.getByLabelText('E-mail 1'), 'ok@example.com');
    await user.click(screen.getByRole('button', { name: 'Add e-mail' }));
    await fill(user, screen.getByLabelText('E-mail 2'), 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const field = screen.getByLabelText('E-mail 2');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('This is not a valid e-mail address.')).toBeInTheDocument();
    expect(field).toHaveFocus();
    expect(screen.getByLabelText('E-mail 1')).not.toHaveAttribute('aria-invalid', 'true');
    expect(onSaved).not.toHaveBeenCalled();

    // Typing in the field clears its error.
    await fill(user, field, 'x');
    expect(field).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('shows an error without a field above the form', async () => {
    api.createContact.mockRejectedValue(new ApiError('contact_empty', 'empty'));
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByTestId('form-error');
    expect(alert).toHaveTextContent('Enter at least a name, a company, an e-mail address or a phone number.');
  });

  it('sends the version on update; after a version conflict reloads and can put the edits back', async () => {
    const original = fullContact({ version: 3 });
    const latest = fullContact({ version: 4, company: 'Changed Elsewhere Ltd' });
    api.updateContact.mockRejectedValueOnce(new ApiError('version_conflict', 'stale'));
    api.getContact.mockResolvedValue(latest);
    const { user, onSaved } = setup({ contact: original });

    const title = screen.getByLabelText('Job title');
    await user.clear(title);
    await fill(user, title, 'Chief Analyst');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(api.updateContact).toHaveBeenCalledWith('c1', 3, expect.objectContaining({ title: 'Chief Analyst' }));
    const alert = await screen.findByTestId('conflict-alert');
    expect(api.getContact).toHaveBeenCalledWith('c1');
    expect(screen.getByLabelText('Company')).toHaveValue('Changed Elsewhere Ltd');
    expect(screen.getByLabelText('Job title')).toHaveValue('Analyst');

    await user.click(within(alert).getByRole('button', { name: 'Put my changes back' }));
    expect(screen.getByLabelText('Job title')).toHaveValue('Chief Analyst');

    api.updateContact.mockResolvedValueOnce(fullContact({ version: 5 }));
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.updateContact).toHaveBeenLastCalledWith('c1', 4, expect.objectContaining({ title: 'Chief Analyst' }));
  });

  it('has the profile fields: nickname, department, websites, addresses, dates and personal profile', () => {
    setup();
    for (const label of ['Nickname', 'Department', 'Personal profile']) {
      expect(screen.getByLabelText(label, { selector: 'input, textarea' })).toBeInTheDocument();
    }
    expect(screen.getByRole('group', { name: 'Birthday' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Anniversary' })).toBeInTheDocument();
    expect(screen.getByLabelText('Birthday year')).toHaveAttribute('placeholder', 'Year (optional)');
    expect(screen.getByRole('button', { name: 'Add website' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add address' })).toBeInTheDocument();
  });

  it('adds and removes address blocks, renumbering the rest', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add address' }));
    const first = screen.getByRole('group', { name: 'Address 1' });
    expect(within(first).getByLabelText('Street')).toHaveFocus();
    expect(within(first).getByLabelText('Address 1 label')).toHaveValue('work');
    await fill(user, within(first).getByLabelText('City'), 'London');

    await user.click(screen.getByRole('button', { name: 'Add address' }));
    const second = screen.getByRole('group', { name: 'Address 2' });
    await fill(user, within(second).getByLabelText('City'), 'Paris');
    expect(screen.getAllByTestId('address-row')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Remove address 1' }));
    expect(screen.getAllByTestId('address-row')).toHaveLength(1);
    expect(within(screen.getByRole('group', { name: 'Address 1' })).getByLabelText('City')).toHaveValue('Paris');
    expect(screen.queryByRole('group', { name: 'Address 2' })).not.toBeInTheDocument();
  });

  it('creates a contact with a website, an address and a birthday without a year', async () => {
    api.createContact.mockResolvedValue(fullContact({ id: 'new2' }));
    const { user, onSaved } = setup();
    await fill(user, screen.getByLabelText('First name'), 'Grace');
    await fill(user, screen.getByLabelText('Nickname'), 'Amazing Grace');
    await fill(user, screen.getByLabelText('Department'), 'Computing');
    await user.click(screen.getByRole('button', { name: 'Add website' }));
    await fill(user, screen.getByLabelText('Website 1'), 'https://grace.example');
    await user.selectOptions(screen.getByLabelText('Website 1 label'), 'blog');
    await user.click(screen.getByRole('button', { name: 'Add address' }));
    const block = screen.getByRole('group', { name: 'Address 1' });
    await user.selectOptions(within(block).getByLabelText('Address 1 label'), 'home');
    await fill(user, within(block).getByLabelText('Street'), '1 Navy Yard\nBuilding 7');
    await fill(user, within(block).getByLabelText('City'), 'Arlington');
    await fill(user, within(block).getByLabelText('Postcode'), '22202');
    await fill(user, within(block).getByLabelText('Country'), 'USA');
    await fill(user, screen.getByLabelText('Birthday day'), '9');
    await user.selectOptions(screen.getByLabelText('Birthday month'), 'December');
    await fill(user, screen.getByLabelText('Personal profile'), 'Likes clocks');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.createContact.mock.calls[0][0]).toEqual({
      ...emptyInput(),
      givenName: 'Grace',
      nickname: 'Amazing Grace',
      department: 'Computing',
      profile: 'Likes clocks',
      urls: [{ label: 'blog', value: 'https://grace.example' }],
      addresses: [
        { label: 'home', street: '1 Navy Yard\nBuilding 7', city: 'Arlington', region: '', postcode: '22202', country: 'USA' },
      ],
      birthday: '--12-09',
    });
  });

  it('shows a stored date without a year and sends every field of an edited contact back', async () => {
    const c = richContact({ birthday: '--05-17' });
    api.updateContact.mockResolvedValue(c);
    const { user, onSaved } = setup({ contact: c });
    expect(screen.getByLabelText('Birthday day')).toHaveValue('17');
    expect(screen.getByLabelText('Birthday month')).toHaveValue('5');
    expect(screen.getByLabelText('Birthday year')).toHaveValue('');
    expect(screen.getByLabelText('Anniversary month')).toHaveValue('7');
    expect(screen.getAllByTestId('address-row')).toHaveLength(2);
    expect(screen.getAllByTestId('url-row')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const { id: _i, version: _v, displayName: _d, createdAt: _c, updatedAt: _u, companyId: _co, phoneInfo: _p, ...input } = c;
    expect(api.updateContact).toHaveBeenCalledWith('c1', 3, input);
  });

  it('shows date_invalid on the birthday input and url_invalid on the website row', async () => {
    api.createContact.mockRejectedValueOnce(new ApiError('date_invalid', 'not a date', 'birthday'));
    const { user } = setup();
    await fill(user, screen.getByLabelText('First name'), 'Grace');
    await fill(user, screen.getByLabelText('Birthday day'), '31');
    await user.selectOptions(screen.getByLabelText('Birthday month'), 'February');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const day = screen.getByLabelText('Birthday day');
    await waitFor(() => expect(day).toHaveAttribute('aria-invalid', 'true'));
    expect(day).toHaveFocus();
    const text = 'This is not a valid date. Enter a day and a month, and a year if you know it.';
    expect(within(screen.getByRole('group', { name: 'Birthday' })).getByText(text)).toBeInTheDocument();
    expect(day).toHaveAccessibleErrorMessage(text);
    expect(screen.getByRole('group', { name: 'Birthday' })).toHaveAccessibleDescription(text);
    expect(screen.getByLabelText('Anniversary day')).not.toHaveAttribute('aria-invalid', 'true');

    api.createContact.mockRejectedValueOnce(new ApiError('url_invalid', 'bad url', 'urls.0'));
    await user.click(screen.getByRole('button', { name: 'Add website' }));
    await fill(user, screen.getByLabelText('Website 1'), 'not a url');
    await fill(user, screen.getByLabelText('Birthday day'), '');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const url = screen.getByLabelText('Website 1');
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('This is not a valid web address.')).toBeInTheDocument();
    expect(day).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('shows an error on an address part on that input', async () => {
    api.updateContact.mockRejectedValueOnce(new ApiError('invalid_input', 'too long', 'addresses.1.city'));
    const { user } = setup({ contact: richContact() });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const city = within(screen.getByRole('group', { name: 'Address 2' })).getByLabelText('City');
    await waitFor(() => expect(city).toHaveAttribute('aria-invalid', 'true'));
    expect(city).toHaveFocus();
    expect(within(screen.getByRole('group', { name: 'Address 1' })).getByLabelText('City')).not.toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('cancels with Escape', async () => {
    const { user, onCancel } = setup();
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalled();
  });
});
