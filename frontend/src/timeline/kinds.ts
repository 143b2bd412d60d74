import { IconMail, IconMapPin, IconNote, IconPhone, IconUsersGroup, type Icon } from '@tabler/icons-react';
import type { ActivityKind } from '../api';

export const KIND_ICONS: Record<ActivityKind, Icon> = {
  call: IconPhone,
  email: IconMail,
  meeting: IconUsersGroup,
  visit: IconMapPin,
  note: IconNote,
};

export const KIND_COLORS: Record<ActivityKind, string> = {
  call: 'teal',
  email: 'blue',
  meeting: 'grape',
  visit: 'orange',
  note: 'gray',
};

/** The outcome suggestions per kind: keys under timeline.outcomes.<kind>. */
export const OUTCOME_KEYS: Record<ActivityKind, string[]> = {
  call: ['connected', 'noAnswer', 'voicemail', 'busy', 'wrongNumber'],
  email: ['sent', 'received', 'replied'],
  meeting: ['held', 'rescheduled', 'cancelled', 'noShow'],
  visit: ['met', 'nobodyThere', 'droppedOff'],
  note: [],
};

/** Minutes a new entry of each kind lasts by default. */
export const DEFAULT_MINUTES: Record<ActivityKind, number> = { call: 5, email: 0, meeting: 30, visit: 60, note: 0 };
