import {
  IconAddressBook,
  IconBuilding,
  IconCalendar,
  IconChartBar,
  IconChecklist,
  IconCloudUpload,
  IconHeadset,
  IconMessageStar,
  IconReceipt,
  IconSettings,
  IconSpeakerphone,
  IconTargetArrow,
  IconTimeline,
  IconUserPlus,
  type Icon,
} from '@tabler/icons-react';

/** Every area of the product (PRODUCT.md), in sidebar order. */
export const AREAS = [
  'contacts',
  'companies',
  'leads',
  'deals',
  'timeline',
  'orders',
  'tasks',
  'calendar',
  'feedback',
  'cases',
  'campaigns',
  'reports',
  'sync',
  'settings',
] as const;

export type AreaId = (typeof AREAS)[number];

export const DEFAULT_AREA: AreaId = 'contacts';

/** Areas that work today; the others show a "coming soon" panel. */
export const READY_AREAS: ReadonlySet<AreaId> = new Set<AreaId>([
  'contacts',
  'companies',
  'leads',
  'timeline',
  'deals',
  'orders',
  'tasks',
  'calendar',
  'feedback',
  'cases',
  'campaigns',
  'sync',
  'settings',
]);

export const AREA_ICONS: Record<AreaId, Icon> = {
  contacts: IconAddressBook,
  companies: IconBuilding,
  leads: IconUserPlus,
  deals: IconTargetArrow,
  timeline: IconTimeline,
  orders: IconReceipt,
  tasks: IconChecklist,
  calendar: IconCalendar,
  feedback: IconMessageStar,
  cases: IconHeadset,
  campaigns: IconSpeakerphone,
  reports: IconChartBar,
  sync: IconCloudUpload,
  settings: IconSettings,
};

export const AREA_GROUPS: { id: 'records' | 'insight' | 'system'; areas: AreaId[] }[] = [
  {
    id: 'records',
    areas: ['contacts', 'companies', 'leads', 'deals', 'timeline', 'orders', 'tasks', 'calendar', 'feedback', 'cases', 'campaigns'],
  },
  { id: 'insight', areas: ['reports'] },
  { id: 'system', areas: ['sync', 'settings'] },
];

export function isArea(v: string): v is AreaId {
  return (AREAS as readonly string[]).includes(v);
}

/** "#/deals" → "deals"; anything unknown → the default area. */
export function areaFromHash(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isArea(id) ? id : DEFAULT_AREA;
}

export function hashForArea(area: AreaId): string {
  return `#/${area}`;
}
