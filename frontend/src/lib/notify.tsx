import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import i18n from '../i18n';
import { errorMessageKey, toApiError } from '../api/errors';

/** The translated, user-facing text for any error from the api layer. */
export function errorText(e: unknown, t: TFunction): string {
  return t(errorMessageKey(e, (k) => i18n.exists(k)));
}

/** Shows an error from the api layer as a red notification. */
export function notifyError(e: unknown, t: TFunction): void {
  const err = toApiError(e);
  // Expected errors (validation, conflicts, no backend) are for the user; log only the unexpected.
  if (err.code === 'internal' || err.code === 'unknown') console.error('[fieldbook]', err.code, err.message);
  notifications.show({
    color: 'red',
    title: t('errors.title'),
    message: errorText(err, t),
    icon: <IconAlertTriangle size={18} />,
    autoClose: 8000,
    'data-testid': 'error-notification',
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, icon: <IconCheck size={18} />, autoClose: 2500 });
}
