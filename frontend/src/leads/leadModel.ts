import type { TFunction } from 'i18next';
import i18n from '../i18n';
import { LEAD_SOURCES, type Lead, type LeadInput } from '../api/leadTypes';

export function emptyLeadInput(ownerId = ''): LeadInput {
  return {
    name: '',
    email: '',
    phone: '',
    companyName: '',
    title: '',
    source: '',
    status: 'new',
    ownerId,
    notes: '',
    industry: '',
    companySize: '',
    country: '',
  };
}

export function inputFromLead(l: Lead): LeadInput {
  return {
    name: l.name,
    email: l.email,
    phone: l.phone,
    companyName: l.companyName,
    title: l.title,
    source: l.source,
    status: l.status,
    ownerId: l.ownerId,
    notes: l.notes,
    industry: l.industry,
    companySize: l.companySize,
    country: l.country,
  };
}

/** Trims every single-line field (the backend trims too; this keeps the "changed?" check honest). */
export function cleanLeadInput(m: LeadInput): LeadInput {
  const out = { ...m };
  for (const k of Object.keys(out) as (keyof LeadInput)[]) {
    out[k] = k === 'notes' ? out[k].trim() : out[k].replace(/\s+/g, ' ').trim();
  }
  return out;
}

/** A known source key translated, any other source as typed. */
export function sourceLabel(source: string, t: TFunction): string {
  return (LEAD_SOURCES as readonly string[]).includes(source) ? t(`leads.source.${source}`) : source;
}

/** The lead's display name: its name, else its e-mail. */
export function leadName(l: Pick<Lead, 'name' | 'email'>, t: TFunction): string {
  return l.name || l.email || t('leads.noName');
}

/** "+10" / "−5" / "0": the sign shown before a rule's points. */
export function signedPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `\u2212${Math.abs(points)}`;
  return '0';
}

/** A colour band for a score: the higher, the warmer. */
export function scoreColor(score: number): string {
  if (score >= 60) return 'red';
  if (score >= 30) return 'orange';
  if (score > 0) return 'yellow';
  return 'gray';
}

/** Which form control shows an error about backend field `field`. */
export function controlForLeadField(field: string | undefined): string {
  return field && field !== '' ? field : 'name';
}

/**
 * A rule's label for the UI language: a shipped rule still carrying its English default label
 * is shown translated; any label the user wrote is shown as written.
 */
export function ruleLabel(ruleId: string, label: string, t: TFunction): string {
  const key = `scoring.defaults.${ruleId}`;
  const english = i18n.getFixedT('en')(key);
  return english !== key && english === label ? t(key) : label;
}
