// The records a conflict or an outbox entry is about: contacts, meetings and tasks.

/** The hash that opens a record: a contact, a meeting (#/calendar?event=) or a task (#/tasks?id=); '' when unknown. */
export function recordHref(entity: string, id: string): string {
  if (!id) return '';
  switch (entity) {
    case 'contact':
      return `#/contacts?${new URLSearchParams({ id }).toString()}`;
    case 'event':
      return `#/calendar?${new URLSearchParams({ event: id }).toString()}`;
    case 'task':
      return `#/tasks?${new URLSearchParams({ id }).toString()}`;
    default:
      return '';
  }
}

/** The translation key of a record's kind ("Contact", "Meeting", "Task"); null for an unknown kind. */
export function entityLabelKey(entity: string): string | null {
  return entity === 'contact' || entity === 'event' || entity === 'task' ? `sync.kinds.${entity}` : null;
}

/** The translation key of the name shown for a record without a name or title. */
export function untitledKey(entity: string): string {
  return entity === 'event' ? 'calendar.event.untitled' : entity === 'task' ? 'tasks.untitled' : 'contacts.unnamed';
}
