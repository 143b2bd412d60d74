import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { AppShell, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBackendEvents, useCalendarEvents, useCompanyEvents, useDealEvents, useSettings } from './api';
import { useSellingEvents } from './api/selling';
import { useCareEvents } from './api/careHooks';
import { FeedbackPage } from './feedback/FeedbackPage';
import { CasesPage } from './cases/CasesPage';
import { ReminderCenter } from './reminders/ReminderCenter';
import { SearchSpotlight } from './search/SearchSpotlight';
import { TasksPage } from './tasks/TasksPage';
import { LeadsPage } from './leads/LeadsPage';
import { CompaniesPage } from './companies/CompaniesPage';
import { CampaignsPage } from './campaigns/CampaignsPage';
import { DealsPage } from './deals/DealsPage';
import i18n, { isLanguage } from './i18n';
import { ContactsPage } from './contacts/ContactsPage';
import { SettingsPage } from './settings/SettingsPage';
import { SyncPage } from './sync/SyncPage';
import { TimelinePage } from './timeline/TimelinePage';
import { OrdersPage } from './orders/OrdersPage';
import { useSyncShortcut } from './sync/useSyncShortcut';
import { ComingSoon } from './shell/ComingSoon';
import { Sidebar } from './shell/Sidebar';
import { StatusBar } from './shell/StatusBar';
import { useHashArea } from './shell/useHashArea';
import type { AreaId } from './shell/areas';

// FullCalendar is the largest part of the bundle: it loads when the calendar is first opened.
const CalendarPage = lazy(() => import('./calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));
// ECharts comes with the dashboard and reports: their own chunk, loaded on first use.
const DashboardPage = lazy(() => import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const ReportsPage = lazy(() => import('./reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));

function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center h="100%">
          <Loader size="sm" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

const NAVBAR_WIDTH = 212;
const FOOTER_HEIGHT = 30;

/**
 * Applies the saved language at start, and again only when the saved value itself changes (so a
 * language just picked in Settings is not switched back while it is being saved).
 */
function useSavedLanguage(): boolean {
  const settings = useSettings();
  const saved = settings.data?.language;
  const applied = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!isLanguage(saved) || saved === applied.current) return;
    applied.current = saved;
    if (saved !== i18n.language) void i18n.changeLanguage(saved);
  }, [saved]);
  // Ready once the settings call settled either way; without a backend the UI stays in English.
  return !settings.isPending;
}

function AreaView({ area }: { area: AreaId }) {
  switch (area) {
    case 'dashboard':
      return (
        <Lazy>
          <DashboardPage />
        </Lazy>
      );
    case 'reports':
      return (
        <Lazy>
          <ReportsPage />
        </Lazy>
      );
    case 'contacts':
      return <ContactsPage />;
    case 'companies':
      return <CompaniesPage />;
    case 'leads':
      return <LeadsPage />;
    case 'tasks':
      return <TasksPage />;
    case 'deals':
      return <DealsPage />;
    case 'calendar':
      return (
        <Lazy>
          <CalendarPage />
        </Lazy>
      );
    case 'orders':
      return <OrdersPage />;
    case 'feedback':
      return <FeedbackPage />;
    case 'cases':
      return <CasesPage />;
    case 'campaigns':
      return <CampaignsPage />;
    case 'sync':
      return <SyncPage />;
    case 'settings':
      return <SettingsPage />;
    case 'timeline':
      return <TimelinePage />;
    default:
      return <ComingSoon area={area} />;
  }
}

export default function App() {
  const { t } = useTranslation();
  const [area, setArea] = useHashArea();
  useBackendEvents();
  useCompanyEvents();
  useSellingEvents();
  useCareEvents();
  useCalendarEvents();
  useDealEvents();
  useSyncShortcut();
  const ready = useSavedLanguage();

  useEffect(() => {
    document.title = `${t(`areas.${area}.name`)} — ${t('app.name')}`;
  }, [area, t]);

  if (!ready) {
    return (
      <Center h="100dvh" aria-label={t('app.loading')}>
        <Loader size="sm" />
      </Center>
    );
  }

  return (
    <AppShell navbar={{ width: NAVBAR_WIDTH, breakpoint: 0 }} footer={{ height: FOOTER_HEIGHT }} padding={0}>
      <AppShell.Navbar>
        <Sidebar area={area} onSelect={setArea} />
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        <div style={{ flex: 1, minHeight: 0 }} data-area={area}>
          <AreaView area={area} />
        </div>
      </AppShell.Main>
      <ReminderCenter />
      <SearchSpotlight />
      <AppShell.Footer bg="gray.0">
        <StatusBar />
      </AppShell.Footer>
    </AppShell>
  );
}
