import { useEffect, useState } from 'react';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  NumberInput,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconCash, IconPlus, IconReceipt, IconRefresh, IconRepeat, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  useCheckReorders,
  useOrderEvents,
  useOrders,
  useOverdueOrders,
  usePurchaseFrequencies,
  useReorderSettings,
  useSetReorderSettings,
} from '../api/orderHooks';
import type { CustomerFrequency, Order } from '../api/orderTypes';
import { isEditableTarget } from '../contacts/shortcuts';
import { useFormat } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';
import { clearHashParams, hashForRecord, useHashParam } from '../shell/hashParams';
import { OrderEditor } from './OrderEditor';
import { REORDER_COLORS, STATUS_FILTERS, customerName, reorderKey, stateColor } from './orderModel';
import { useOrderActions } from './useOrderActions';

const PAGE_STEP = 100;
const MAX_PAGE = 500;

type Tab = 'orders' | 'overdue' | 'reorder';

/** Sales history: orders (filter by payment state), overdue payments, customers due to re-order. */
export function OrdersPage() {
  const { t } = useTranslation();
  useOrderEvents();
  const [tab, setTab] = useState<Tab>('orders');
  const [editing, setEditing] = useState<Order | null | undefined>(undefined);
  const actions = useOrderActions();
  const overdue = useOverdueOrders();

  // Ctrl+N: a new order, from anywhere in the area but a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'n' && !isEditableTarget(e.target)) {
        e.preventDefault();
        setEditing(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const overdueCount = overdue.data?.length ?? 0;
  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%' }} data-testid="orders-page">
      <Group justify="space-between" px="lg" pt="md" pb="xs">
        <Title order={2} size="h3">
          {t('areas.orders.name')}
        </Title>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing(null)} title={t('orders.newTitle')} data-testid="order-new">
          {t('orders.new')}
        </Button>
      </Group>
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Tabs.List px="lg">
          <Tabs.Tab value="orders" leftSection={<IconReceipt size={14} />} data-testid="orders-tab-orders">
            {t('orders.tabs.orders')}
          </Tabs.Tab>
          <Tabs.Tab
            value="overdue"
            leftSection={<IconAlertCircle size={14} />}
            rightSection={overdueCount > 0 ? <Badge size="xs" color="red">{overdueCount}</Badge> : undefined}
            data-testid="orders-tab-overdue"
          >
            {t('orders.tabs.overdue')}
          </Tabs.Tab>
          <Tabs.Tab value="reorder" leftSection={<IconRepeat size={14} />} data-testid="orders-tab-reorder">
            {t('orders.tabs.reorder')}
          </Tabs.Tab>
        </Tabs.List>
        <Box style={{ flex: 1, minHeight: 0 }}>
          <ScrollArea h="100%" type="auto">
            <Box px="lg" py="md">
              <Tabs.Panel value="orders">
                <OrdersTab onOpen={setEditing} onPaid={actions.markPaid} />
              </Tabs.Panel>
              <Tabs.Panel value="overdue">
                <OverdueTab orders={overdue.data} loading={overdue.isPending} onOpen={setEditing} onPaid={actions.markPaid} />
              </Tabs.Panel>
              <Tabs.Panel value="reorder">
                <ReorderTab />
              </Tabs.Panel>
            </Box>
          </ScrollArea>
        </Box>
      </Tabs>
      <OrderEditor
        order={editing}
        onClose={() => setEditing(undefined)}
        onDelete={async (o) => {
          if (await actions.remove(o)) setEditing(undefined);
        }}
      />
    </Box>
  );
}

function StateBadge({ order }: { order: Order }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant={order.state === 'overdue' ? 'filled' : 'light'} color={stateColor(order.state)} data-testid="order-state">
      {t(`orders.state.${order.state || 'due'}`)}
    </Badge>
  );
}

function PaidButton({ order, onPaid }: { order: Order; onPaid: (o: Order) => void }) {
  const { t } = useTranslation();
  if (order.paymentStatus === 'paid') return null;
  return (
    <Button
      size="compact-xs"
      variant="light"
      color="teal"
      leftSection={<IconCash size={12} />}
      onClick={(e) => {
        e.stopPropagation();
        onPaid(order);
      }}
      data-testid="order-mark-paid"
    >
      {t('orders.markPaid')}
    </Button>
  );
}

/** Opens a row with Enter or a click, like a link. */
function rowProps(o: Order, onOpen: (o: Order) => void) {
  return {
    tabIndex: 0,
    style: { cursor: 'pointer' },
    onClick: () => onOpen(o),
    onKeyDown: (e: React.KeyboardEvent) => {
      // Only the row itself: Enter on its "Mark paid" button must not open the editor too.
      if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(o);
    },
  };
}

function OrdersTab({ onOpen, onPaid }: { onOpen: (o: Order) => void; onPaid: (o: Order) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [status, setStatus] = useState<string>('');
  const [limit, setLimit] = useState(PAGE_STEP);
  // "#/orders?company=…" or "?contact=…" (from a customer's page) shows that customer's orders.
  const linkedCompany = useHashParam('company');
  const linkedContact = useHashParam('contact');
  const [customer, setCustomer] = useState(() => ({ companyId: linkedCompany ?? '', contactId: linkedCompany ? '' : (linkedContact ?? '') }));
  useEffect(() => {
    if (!linkedCompany && !linkedContact) return;
    setCustomer({ companyId: linkedCompany ?? '', contactId: linkedCompany ? '' : (linkedContact ?? '') });
    clearHashParams();
  }, [linkedCompany, linkedContact]);
  const page = useOrders({ ...customer, status, offset: 0, limit });
  const items = page.data?.items ?? [];
  const customerLabel = customer.companyId ? items[0]?.companyName : customer.contactId ? items[0]?.contactName : '';
  return (
    <Stack gap="sm">
      {(customer.companyId || customer.contactId) && (
        <Group gap="xs">
          <Badge variant="light" size="lg" tt="none" data-testid="orders-customer-filter">
            {t('orders.customerFilter', { name: customerLabel || t('orders.unnamed') })}
          </Badge>
          <Button size="compact-xs" variant="subtle" onClick={() => setCustomer({ companyId: '', contactId: '' })} data-testid="orders-customer-clear">
            {t('orders.allCustomers')}
          </Button>
        </Group>
      )}
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={status}
          onChange={(s) => {
            setStatus(s);
            setLimit(PAGE_STEP);
          }}
          data={STATUS_FILTERS.map((s) => ({ value: s, label: t(`orders.filter.${s || 'all'}`) }))}
          data-testid="orders-filter"
        />
        {page.data && (
          <Text size="sm" c="dimmed" data-testid="orders-count">
            {t('orders.count', { count: page.data.total, formatted: fmt.number(page.data.total) })}
          </Text>
        )}
      </Group>
      {page.isPending ? (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm" py="lg" data-testid="orders-empty">
          {status ? t('orders.emptyFilter') : t('orders.empty')}
        </Text>
      ) : (
        <Table highlightOnHover striped data-testid="orders-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.columns.number')}</Table.Th>
              <Table.Th>{t('orders.columns.date')}</Table.Th>
              <Table.Th>{t('orders.columns.customer')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('orders.columns.total')}</Table.Th>
              <Table.Th>{t('orders.columns.payment')}</Table.Th>
              <Table.Th>{t('orders.columns.dueDate')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((o) => (
              <Table.Tr key={o.id} {...rowProps(o, onOpen)} data-testid="order-row">
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {o.number}
                  </Text>
                </Table.Td>
                <Table.Td>{fmt.contactDate(o.orderDate)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{customerName(o)}</Table.Td>
                <Table.Td style={{ textAlign: 'end' }} data-testid="order-total-cell">
                  {o.total.text}
                </Table.Td>
                <Table.Td>
                  <StateBadge order={o} />
                </Table.Td>
                <Table.Td>{o.paymentStatus === 'paid' ? t('orders.paidOn', { date: fmt.contactDate(o.paidAt) }) : o.dueDate ? fmt.contactDate(o.dueDate) : '—'}</Table.Td>
                <Table.Td>
                  <PaidButton order={o} onPaid={onPaid} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {page.data && page.data.total > items.length && limit < MAX_PAGE && (
        <Button variant="subtle" size="xs" onClick={() => setLimit((l) => Math.min(l + PAGE_STEP, MAX_PAGE))}>
          {t('orders.more')}
        </Button>
      )}
    </Stack>
  );
}

function OverdueTab({ orders, loading, onOpen, onPaid }: { orders?: Order[]; loading: boolean; onOpen: (o: Order) => void; onPaid: (o: Order) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (loading)
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  if (!orders?.length)
    return (
      <Text c="dimmed" size="sm" py="lg" data-testid="overdue-empty">
        {t('orders.overdue.empty')}
      </Text>
    );
  return (
    <Table highlightOnHover data-testid="overdue-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('orders.columns.customer')}</Table.Th>
          <Table.Th>{t('orders.columns.number')}</Table.Th>
          <Table.Th>{t('orders.columns.dueDate')}</Table.Th>
          <Table.Th>{t('orders.overdue.days')}</Table.Th>
          <Table.Th style={{ textAlign: 'end' }}>{t('orders.columns.total')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {orders.map((o) => (
          <Table.Tr key={o.id} {...rowProps(o, onOpen)} data-testid="overdue-row">
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{customerName(o)}</Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {o.number}
              </Text>
            </Table.Td>
            <Table.Td>{fmt.contactDate(o.dueDate)}</Table.Td>
            <Table.Td>
              <Badge color="red" variant="light" data-testid="overdue-days">
                {t('orders.overdue.daysValue', { count: o.daysOverdue, formatted: fmt.number(o.daysOverdue) })}
              </Badge>
            </Table.Td>
            <Table.Td style={{ textAlign: 'end' }}>{o.total.text}</Table.Td>
            <Table.Td>
              <PaidButton order={o} onPaid={onPaid} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function customerHref(c: CustomerFrequency): string {
  return c.companyId ? hashForRecord('companies', c.companyId) : hashForRecord('contacts', c.contactId);
}

function ReorderTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 200);
  const freqs = usePurchaseFrequencies(query);
  const settings = useReorderSettings();
  const setSettings = useSetReorderSettings();
  const check = useCheckReorders();
  const [lead, setLead] = useState<number | string>('');
  useEffect(() => {
    if (settings.data) setLead(settings.data.leadDays);
  }, [settings.data]);
  const saveLead = () => {
    const n = typeof lead === 'number' ? lead : Number(lead);
    if (!Number.isInteger(n) || n === settings.data?.leadDays) return;
    setSettings.mutate({ leadDays: n }, { onError: (e) => notifyError(e, t) });
  };
  const rows = (freqs.data ?? []).filter((c) => c.hasMedian);
  const single = (freqs.data?.length ?? 0) - rows.length;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('orders.reorder.intro')}
      </Text>
      <Group gap="sm" align="flex-end">
        <TextInput
          leftSection={<IconSearch size={14} />}
          placeholder={t('orders.reorder.search')}
          aria-label={t('orders.reorder.search')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={260}
          data-testid="reorder-search"
        />
        <NumberInput
          label={t('orders.reorder.lead')}
          value={lead}
          onChange={setLead}
          onBlur={saveLead}
          onKeyDown={(e) => {
            if (e.key === 'Enter') saveLead();
          }}
          min={0}
          max={365}
          allowDecimal={false}
          w={170}
          data-testid="reorder-lead"
        />
        <Button
          variant="default"
          leftSection={<IconRefresh size={14} />}
          loading={check.isPending}
          onClick={() =>
            check.mutate(undefined, {
              onSuccess: (n) => notifySuccess(t('orders.reorder.checked', { count: n, formatted: fmt.number(n) })),
              onError: (e) => notifyError(e, t),
            })
          }
          data-testid="reorder-check"
        >
          {t('orders.reorder.check')}
        </Button>
      </Group>
      {freqs.isPending ? (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      ) : rows.length === 0 ? (
        <Text c="dimmed" size="sm" py="lg" data-testid="reorder-empty">
          {t('orders.reorder.empty')}
        </Text>
      ) : (
        <Table highlightOnHover data-testid="reorder-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.columns.customer')}</Table.Th>
              <Table.Th>{t('orders.reorder.orders')}</Table.Th>
              <Table.Th>{t('orders.reorder.median')}</Table.Th>
              <Table.Th>{t('orders.reorder.last')}</Table.Th>
              <Table.Th>{t('orders.reorder.next')}</Table.Th>
              <Table.Th>{t('orders.reorder.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.key} data-testid="reorder-row">
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Anchor size="sm" href={customerHref(c)}>
                    {c.name || t('orders.unnamed')}
                  </Anchor>
                </Table.Td>
                <Table.Td>{fmt.number(c.orders)}</Table.Td>
                <Table.Td data-testid="reorder-median">{t('orders.reorder.everyDays', { count: c.medianDays, formatted: fmt.number(c.medianDays) })}</Table.Td>
                <Table.Td>{fmt.contactDate(c.lastOrder)}</Table.Td>
                <Table.Td data-testid="reorder-next">{fmt.contactDate(c.nextExpected)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" color={REORDER_COLORS[c.status] ?? 'gray'} variant={c.status === 'overdue' ? 'filled' : 'light'} data-testid="reorder-status">
                    {t(`orders.reorder.state.${reorderKey(c.status)}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {c.taskId && c.status !== 'ok' && (
                    <Button component="a" href={hashForRecord('tasks', c.taskId)} size="compact-xs" variant="light" data-testid="reorder-open-task">
                      {t('orders.reorder.openTask')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {single > 0 && (
        <Text size="xs" c="dimmed" data-testid="reorder-single">
          {t('orders.reorder.single', { count: single, formatted: fmt.number(single) })}
        </Text>
      )}
    </Stack>
  );
}
