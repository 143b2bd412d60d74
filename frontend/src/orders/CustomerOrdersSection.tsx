import { useState } from 'react';
import { Anchor, Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconReceipt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCompanyOrders, useContactOrders, useOrderEvents } from '../api/orderHooks';
import type { Order } from '../api/orderTypes';
import { useFormat } from '../lib/format';
import { OrderEditor } from './OrderEditor';
import { REORDER_COLORS, reorderKey, stateColor, type Customer } from './orderModel';
import { useOrderActions } from './useOrderActions';

/** How many of the newest orders the section lists. */
const SHOWN = 5;

interface Props {
  /** A company's page, or … */
  companyId?: string;
  companyName?: string;
  /** … a contact's page (every order naming the contact). */
  contactId?: string;
  contactName?: string;
}

/** The "Orders" section of a company's or contact's page: purchase rhythm and newest orders. */
export function CustomerOrdersSection({ companyId = '', companyName = '', contactId = '', contactName = '' }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  useOrderEvents();
  const byCompany = useCompanyOrders(companyId);
  const byContact = useContactOrders(companyId ? '' : contactId);
  const data = companyId ? byCompany.data : byContact.data;
  const [editing, setEditing] = useState<Order | null | undefined>(undefined);
  const actions = useOrderActions();
  const customer: Customer = companyId ? { companyId, companyName } : { contactId, contactName };
  const f = data?.frequency;

  return (
    <Box data-testid="customer-orders">
      <Group gap={6} mb="xs" justify="space-between">
        <Group gap={6}>
          <IconReceipt size={16} />
          <Text fw={600} size="sm">
            {t('orders.section.title')}
          </Text>
          {data && data.total > 0 && (
            <Text size="sm" c="dimmed">
              ({fmt.number(data.total)})
            </Text>
          )}
        </Group>
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => setEditing(null)} data-testid="customer-order-new">
          {t('orders.new')}
        </Button>
      </Group>
      {data && data.total === 0 && (
        <Text size="sm" c="dimmed" data-testid="customer-orders-empty">
          {t('orders.section.none')}
        </Text>
      )}
      {f && f.orders > 0 && (
        <Group gap="xs" mb="xs" data-testid="customer-frequency">
          {f.hasMedian ? (
            <>
              <Text size="sm">{t('orders.section.rhythm', { count: f.medianDays, formatted: fmt.number(f.medianDays) })}</Text>
              <Text size="sm" c="dimmed">
                {t('orders.section.next', { date: fmt.contactDate(f.nextExpected) })}
              </Text>
              <Badge size="sm" color={REORDER_COLORS[f.status] ?? 'gray'} variant="light" data-testid="customer-reorder-status">
                {t(`orders.reorder.state.${reorderKey(f.status)}`)}
              </Badge>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('orders.section.oneDay', { date: fmt.contactDate(f.lastOrder) })}
            </Text>
          )}
        </Group>
      )}
      <Stack gap={2}>
        {data?.items.slice(0, SHOWN).map((o) => (
          <Group key={o.id} gap="xs" wrap="nowrap" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-testid="customer-order">
            <Anchor size="sm" component="button" type="button" onClick={() => setEditing(o)} ff="monospace">
              {o.number}
            </Anchor>
            <Text size="sm" c="dimmed">
              {fmt.contactDate(o.orderDate)}
            </Text>
            <Text size="sm" ml="auto">
              {o.total.text}
            </Text>
            <Badge size="xs" color={stateColor(o.state)} variant={o.state === 'overdue' ? 'filled' : 'light'}>
              {t(`orders.state.${o.state || 'due'}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
      {data && data.total > SHOWN && (
        <Anchor size="xs" href={`#/orders?${new URLSearchParams(companyId ? { company: companyId } : { contact: contactId }).toString()}`} mt={4} display="inline-block" data-testid="customer-orders-all">
          {t('orders.section.all', { count: data.total, formatted: fmt.number(data.total) })}
        </Anchor>
      )}
      <OrderEditor
        order={editing}
        customer={customer}
        onClose={() => setEditing(undefined)}
        onDelete={async (o) => {
          if (await actions.remove(o)) setEditing(undefined);
        }}
      />
    </Box>
  );
}
