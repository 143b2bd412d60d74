import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { cleanLeadInput, emptyLeadInput, leadName, ruleLabel, scoreColor, signedPoints, sourceLabel } from './leadModel';

const t = i18n.getFixedT('en');

describe('leadModel', () => {
  it('signs points the way the reasons list shows them', () => {
    expect(signedPoints(10)).toBe('+10');
    expect(signedPoints(-5)).toBe('\u22125');
    expect(signedPoints(0)).toBe('0');
  });

  it('translates known sources and keeps any other as typed', () => {
    expect(sourceLabel('trade_show', t)).toBe('Trade show');
    expect(sourceLabel('Podcast <b>', t)).toBe('Podcast <b>');
    expect(sourceLabel('trade_show', i18n.getFixedT('bn'))).toBe('বাণিজ্য মেলা');
  });

  it('names a lead by its name, else its e-mail', () => {
    expect(leadName({ name: 'Ann', email: 'a@x.test' }, t)).toBe('Ann');
    expect(leadName({ name: '', email: 'a@x.test' }, t)).toBe('a@x.test');
    expect(leadName({ name: '', email: '' }, t)).toBe('(no name)');
  });

  it('trims single-line fields and collapses their spaces, keeping lines in notes', () => {
    const m = { ...emptyLeadInput('me'), name: '  Ann   Lee ', notes: ' line 1\nline 2 ' };
    const out = cleanLeadInput(m);
    expect(out.name).toBe('Ann Lee');
    expect(out.notes).toBe('line 1\nline 2');
    expect(out.ownerId).toBe('me');
  });

  it('warms the colour with the score', () => {
    expect([0, 5, 30, 60].map(scoreColor)).toEqual(['gray', 'yellow', 'orange', 'red']);
  });
});

describe('ruleLabel', () => {
  it('translates a shipped rule that keeps its default label, and nothing else', () => {
    const bn = i18n.getFixedT('bn');
    expect(ruleLabel('source-referral', 'Source: referral', bn)).toBe('উৎস: সুপারিশ');
    expect(ruleLabel('source-referral', 'Friends of friends', bn)).toBe('Friends of friends');
    expect(ruleLabel('my-rule', 'Source: referral', bn)).toBe('Source: referral');
    expect(ruleLabel('fit-title', 'Senior title', t)).toBe('Senior title');
  });
});
