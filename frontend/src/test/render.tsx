import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import i18n from '../i18n';
import { createQueryClient } from '../api/hooks';
import { theme } from '../theme';

/** Renders with the app's providers: a fresh QueryClient, Mantine (test env) and notifications. */
export function renderWithProviders(ui: ReactElement) {
  void i18n.changeLanguage('en');
  notifications.clean();
  const queryClient = createQueryClient();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} env="test">
        <Notifications />
        {ui}
      </MantineProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
