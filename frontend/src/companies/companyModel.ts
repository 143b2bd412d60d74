import type { Company, CompanyInput } from '../api/types';

/** Head-count bands offered for a company's size (free text is accepted too). */
export const SIZE_BANDS = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5000+'] as const;

export function emptyCompanyInput(): CompanyInput {
  return {
    name: '',
    industry: '',
    website: '',
    size: '',
    phone: '',
    address: { label: '', street: '', city: '', region: '', postcode: '', country: '' },
    notes: '',
  };
}

export function inputFromCompany(c: Company): CompanyInput {
  return {
    name: c.name,
    industry: c.industry,
    website: c.website,
    size: c.size,
    phone: c.phone,
    address: { ...c.address },
    notes: c.notes,
  };
}

/** The input trimmed as the backend would, so an unchanged form sends the same values. */
export function cleanCompanyInput(m: CompanyInput): CompanyInput {
  const a = m.address;
  return {
    name: m.name.trim(),
    industry: m.industry.trim(),
    website: m.website.trim(),
    size: m.size.trim(),
    phone: m.phone.trim(),
    address: {
      label: a.label,
      street: a.street
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n'),
      city: a.city.trim(),
      region: a.region.trim(),
      postcode: a.postcode.trim(),
      country: a.country.trim(),
    },
    notes: m.notes.trim(),
  };
}

/** A company made from a contact's company name has nothing but its name: the page invites details. */
export function hasDetails(c: CompanyInput): boolean {
  const a = c.address;
  return Boolean(c.industry || c.website || c.size || c.phone || c.notes || a.street || a.city || a.region || a.postcode || a.country);
}

/** The form control an API error field belongs to: "address.city" stays, "website" stays. */
export function controlForField(field: string | undefined): string {
  if (!field) return 'name';
  return field;
}
