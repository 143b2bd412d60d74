// DTOs of ActivitiesService (app/activities_dto.go): the interaction timeline.

export const ACTIVITY_KINDS = ['call', 'email', 'meeting', 'visit', 'note'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export function isActivityKind(v: unknown): v is ActivityKind {
  return typeof v === 'string' && (ACTIVITY_KINDS as readonly string[]).includes(v);
}

/** What the log form sends. occurredAt is RFC 3339; ownerId '' = the local user. */
export interface ActivityInput {
  kind: ActivityKind;
  occurredAt: string;
  durationMinutes: number;
  outcome: string;
  subject: string;
  body: string;
  contactId: string;
  companyId: string;
  leadId: string;
  dealId: string;
  ownerId: string;
}

/** The header of an e-mail logged from an .eml file. */
export interface EmailMeta {
  from: string;
  to: string[];
  cc: string[];
  messageId: string;
  date: string;
}

export interface Activity extends ActivityInput {
  id: string;
  version: number;
  contactName: string;
  companyName: string;
  email: EmailMeta | null;
  createdAt: string;
  updatedAt: string;
}

/** One page of a timeline: at most one of contactId/companyId/leadId/dealId; none = all. */
export interface TimelineRequest {
  contactId: string;
  companyId: string;
  leadId: string;
  dealId: string;
  kinds: ActivityKind[];
  ownerId: string;
  before: string;
  limit: number;
}

export interface TimelinePage {
  items: Activity[];
  /** Cursor of the next page; '' at the end. */
  next: string;
}

export interface LoggedEmail {
  activity: Activity;
  alreadyLogged: boolean;
}

/** Which timeline a component shows. */
export type TimelineScope =
  | { contactId: string }
  | { companyId: string }
  | { leadId: string }
  | { dealId: string }
  | Record<string, never>;
