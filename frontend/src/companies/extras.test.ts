import { describe, expect, it } from 'vitest';
import { moved } from '../settings/CustomFieldsPanel';
import { choiceData } from '../contacts/CustomFieldInputs';
import { telHref } from '../contacts/ContactExtras';
import { hashForRecord, hashParam } from '../shell/hashParams';
import { areaFromHash } from '../shell/areas';

describe('custom field order', () => {
  it('swaps a field with its neighbour and ignores moves past the ends', () => {
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    const ids = ['a', 'b'];
    expect(moved(ids, 0, -1)).toBe(ids);
    expect(moved(ids, 1, 1)).toBe(ids);
  });
});

describe('choice inputs', () => {
  it('offer a value set before its choice was removed, so editing does not lose it', () => {
    const f = { id: 'f', name: 'Tier', kind: 'choice', options: ['Gold'] };
    expect(choiceData(f, 'Silver')).toEqual(['Gold', 'Silver']);
    expect(choiceData(f, 'Gold')).toEqual(['Gold']);
    expect(choiceData(f, '')).toEqual(['Gold']);
  });
});

describe('phone links', () => {
  it('dial the E.164 form when there is one, else the typed digits', () => {
    expect(telHref('(650) 253-0000', '+16502530000')).toBe('tel:+16502530000');
    expect(telHref('12 ab 3', '')).toBe('tel:123');
  });
});

describe('record links', () => {
  it('open one record of an area through the hash', () => {
    const h = hashForRecord('companies', 'a b&c');
    expect(areaFromHash(h)).toBe('companies');
    expect(hashParam(h, 'id')).toBe('a b&c');
    expect(hashParam('#/contacts', 'id')).toBeNull();
  });
});
