import { describe, expect, it } from 'vitest';
import { cleanCompanyInput, emptyCompanyInput, hasDetails } from './companyModel';

describe('company model', () => {
  it('trims every field and drops blank street lines', () => {
    const m = emptyCompanyInput();
    m.name = '  Acme ';
    m.address.street = ' 1 Road \n\n Unit 2 ';
    m.website = ' acme.test ';
    const c = cleanCompanyInput(m);
    expect(c.name).toBe('Acme');
    expect(c.address.street).toBe('1 Road\nUnit 2');
    expect(c.website).toBe('acme.test');
  });

  it('a company with only a name has no details', () => {
    const m = emptyCompanyInput();
    m.name = 'Acme';
    expect(hasDetails(m)).toBe(false);
    m.address.city = 'Oslo';
    expect(hasDetails(m)).toBe(true);
  });
});
