import { useEffect, useRef, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Group,
  Kbd,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/errors';
import { useCreateOrder, useOrderPreview, useUpdateOrder } from '../api/orderHooks';
import type { Order } from '../api/orderTypes';
import { useCurrencies, useHomeCurrency } from '../api/selling';
import { EditorActions, EditorFrame, EditorHeader } from '../calendar/EditorFrame';
import { DATE_INPUT_FORMAT, datesLocale, parseTypedDate } from '../lib/dates';
import { notifySuccess } from '../lib/notify';
import { useAction } from '../lib/useAction';
import { LinkPicker } from '../tasks/LinkPicker';
import { emptyLine, emptyOrderForm, inputFromOrderForm, localDate, orderFieldError, orderFormFromOrder, previewInput, type Customer, type LineForm, type OrderForm } from './orderModel';

interface OrderEditorProps {
  /** The order edited; null for a new one; undefined when closed. */
  order: Order | null | undefined;
  /** Who a new order is for (the company or contact page it was started from). */
  customer?: Customer;
  onClose: () => void;
  onDelete?: (o: Order) => void;
}

/** The order editor, in a modal: customer, date, currency, lines with live totals, payment. */
export function OrderEditor({ order, customer, onClose, onDelete }: OrderEditorProps) {
  return (
    <EditorFrame opened={order !== undefined} onClose={onClose} size={820}>
      {order !== undefined && (
        <OrderFormView key={order ? `${order.id}-${order.version}` : 'new'} order={order} customer={customer} onClose={onClose} onDelete={onDelete} />
      )}
    </EditorFrame>
  );
}

function OrderFormView({ order, customer, onClose, onDelete }: Omit<OrderEditorProps, 'order'> & { order: Order | null }) {
  const { t, i18n } = useTranslation();
  const home = useHomeCurrency();
  const currencies = useCurrencies();
  const [v, setV] = useState<OrderForm>(() => (order ? orderFormFromOrder(order) : emptyOrderForm(home.data ?? 'EUR', customer)));
  const touchedCurrency = useRef(!!order);
  useEffect(() => {
    // The home currency may arrive after the editor opened.
    if (!touchedCurrency.current && home.data) setV((old) => ({ ...old, currency: home.data }));
  }, [home.data]);
  const action = useAction();
  const create = useCreateOrder();
  const update = useUpdateOrder();
  const set = (patch: Partial<OrderForm>) => setV((old) => ({ ...old, ...patch }));
  const setLine = (key: number, patch: Partial<LineForm>) =>
    setV((old) => ({ ...old, lines: old.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) }));
  const focusKey = useRef<number | null>(null);
  const productRefs = useRef(new Map<number, HTMLInputElement>());

  const addLine = () => {
    const l = emptyLine();
    focusKey.current = l.key;
    setV((old) => ({ ...old, lines: [...old.lines, l] }));
  };
  const removeLine = (key: number) =>
    setV((old) => {
      const i = old.lines.findIndex((l) => l.key === key);
      const lines = old.lines.filter((l) => l.key !== key);
      const next = lines.length ? lines : [emptyLine()];
      focusKey.current = next[Math.min(Math.max(i, 0), next.length - 1)].key;
      return { ...old, lines: next };
    });
  useEffect(() => {
    if (focusKey.current !== null) {
      productRefs.current.get(focusKey.current)?.focus();
      focusKey.current = null;
    }
  }, [v.lines]);

  // The backend computes the totals (integer minor units, the currency's own rounding).
  const [debounced] = useDebouncedValue(previewInput(v), 200);
  const preview = useOrderPreview(debounced, debounced.currency.length === 3);

  const [fieldError, setFieldError] = useState<string | null>(null);
  const save = () =>
    action.run(async () => {
      setFieldError(null);
      const input = inputFromOrderForm(v);
      try {
        if (order) await update.mutateAsync({ id: order.id, version: order.version, input });
        else await create.mutateAsync(input);
      } catch (e) {
        const explained = orderFieldError(toApiError(e).field);
        if (!explained) throw e;
        const what = t(explained.key);
        setFieldError(explained.line ? t('orders.errors.line', { n: explained.line, what }) : what);
        return;
      }
      notifySuccess(t('orders.saved'));
      onClose();
    });
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /** Enter in a line's last field adds a line; Alt+Backspace removes the line. */
  const lineKeys = (key: number, last: boolean) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && last) {
      e.preventDefault();
      addLine();
    } else if (e.key === 'Backspace' && e.altKey) {
      e.preventDefault();
      removeLine(key);
    }
  };

  const codes = currencies.data?.map((c) => c.code) ?? [];
  const currencyData = [...new Set([v.currency, ...codes].filter(Boolean))];

  return (
    <DatesProvider settings={{ locale: datesLocale(i18n.language), firstDayOfWeek: 1 }}>
      <EditorHeader title={order ? t('orders.editor.editTitle', { number: order.number }) : t('orders.editor.newTitle')}>
        <EditorActions
          form="order-form"
          testId="order"
          busy={action.busy}
          onCancel={onClose}
          onDelete={order && onDelete ? () => onDelete(order) : undefined}
          deleteLabel={t('orders.editor.delete')}
        />
      </EditorHeader>
      <Modal.Body pt="md">
        <form
          id="order-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          noValidate
          data-testid="order-editor"
        >
          <Stack gap="sm">
            {(action.error || fieldError) && (
              <Alert color="red" icon={<IconAlertTriangle size={16} />} data-testid="form-error">
                {fieldError ?? action.error}
              </Alert>
            )}
            <Group gap="sm" grow align="flex-start">
              <LinkPicker
                kind="company"
                label={t('orders.editor.company')}
                id={v.companyId}
                name={v.companyName}
                onChange={(companyId, companyName) => set({ companyId, companyName })}
                testId="order-company"
              />
              <LinkPicker
                kind="contact"
                label={t('orders.editor.contact')}
                id={v.contactId}
                name={v.contactName}
                onChange={(contactId, contactName) => set({ contactId, contactName })}
                testId="order-contact"
              />
            </Group>
            <Group gap="sm" align="flex-end" wrap="nowrap">
              <TextInput
                label={t('orders.editor.number')}
                placeholder={t('orders.editor.numberAuto')}
                value={v.number}
                onChange={(e) => set({ number: e.currentTarget.value })}
                w={150}
                data-testid="order-number"
              />
              <DateInput
                label={t('orders.editor.orderDate')}
                value={v.orderDate || null}
                onChange={(d) => set({ orderDate: d ?? '' })}
                valueFormat={DATE_INPUT_FORMAT}
                dateParser={parseTypedDate}
                w={200}
                data-testid="order-date"
              />
              <Select
                label={t('orders.editor.currency')}
                data={currencyData}
                value={v.currency}
                onChange={(c) => {
                  if (!c) return;
                  touchedCurrency.current = true;
                  set({ currency: c });
                }}
                searchable
                allowDeselect={false}
                w={120}
                data-testid="order-currency"
              />
            </Group>

            <Box>
              <Table withTableBorder verticalSpacing={4} data-testid="order-lines">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('orders.lines.product')}</Table.Th>
                    <Table.Th w={90}>{t('orders.lines.quantity')}</Table.Th>
                    <Table.Th w={140}>{t('orders.lines.unitPrice')}</Table.Th>
                    <Table.Th w={140} style={{ textAlign: 'end' }}>
                      {t('orders.lines.total')}
                    </Table.Th>
                    <Table.Th w={36} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {v.lines.map((l, i) => {
                    const last = i === v.lines.length - 1;
                    const total = preview.data?.lines[i];
                    return (
                      <Table.Tr key={l.key} data-testid="order-line">
                        <Table.Td>
                          <TextInput
                            ref={(el) => {
                              if (el) productRefs.current.set(l.key, el);
                              else productRefs.current.delete(l.key);
                            }}
                            aria-label={t('orders.lines.productN', { n: i + 1 })}
                            value={l.product}
                            onChange={(e) => setLine(l.key, { product: e.currentTarget.value })}
                            onKeyDown={lineKeys(l.key, false)}
                            size="xs"
                            data-testid="line-product"
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={t('orders.lines.quantityN', { n: i + 1 })}
                            value={l.quantity}
                            inputMode="numeric"
                            onChange={(e) => setLine(l.key, { quantity: e.currentTarget.value })}
                            onKeyDown={lineKeys(l.key, false)}
                            size="xs"
                            data-testid="line-quantity"
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={t('orders.lines.unitPriceN', { n: i + 1 })}
                            value={l.unitPrice}
                            inputMode="decimal"
                            rightSection={
                              <Text size="xs" c="dimmed">
                                {v.currency}
                              </Text>
                            }
                            rightSectionWidth={40}
                            onChange={(e) => setLine(l.key, { unitPrice: e.currentTarget.value })}
                            onKeyDown={lineKeys(l.key, last)}
                            size="xs"
                            data-testid="line-price"
                          />
                        </Table.Td>
                        <Table.Td style={{ textAlign: 'end' }}>
                          <Text size="sm" data-testid="line-total">
                            {total ? total.text : '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Tooltip label={t('orders.lines.remove')}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              onClick={() => removeLine(l.key)}
                              aria-label={t('orders.lines.removeN', { n: i + 1 })}
                              data-testid="line-remove"
                            >
                              <IconX size={14} />
                            </ActionIcon>
                          </Tooltip>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              <Group justify="space-between" mt="xs">
                <Group gap="xs">
                  <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={addLine} data-testid="line-add">
                    {t('orders.lines.add')}
                  </Button>
                  <Text size="xs" c="dimmed">
                    {t('orders.lines.keysBefore')} <Kbd size="xs">Enter</Kbd> {t('orders.lines.keysMiddle')} <Kbd size="xs">Alt</Kbd>+
                    <Kbd size="xs">⌫</Kbd> {t('orders.lines.keysAfter')}
                  </Text>
                </Group>
                <Text fw={600} data-testid="order-total">
                  {t('orders.editor.total')}: {preview.data?.total.text ?? '—'}
                </Text>
              </Group>
            </Box>

            <Group gap="sm" align="flex-end" wrap="nowrap">
              <Box>
                <Text size="sm" fw={500} mb={2}>
                  {t('orders.editor.payment')}
                </Text>
                <SegmentedControl
                  value={v.paymentStatus}
                  onChange={(s) => set({ paymentStatus: s as OrderForm['paymentStatus'], paidAt: s === 'paid' && !v.paidAt ? localDate(new Date()) : v.paidAt })}
                  data={[
                    { value: 'due', label: t('orders.state.due') },
                    { value: 'paid', label: t('orders.state.paid') },
                  ]}
                  data-testid="order-payment"
                />
              </Box>
              <DateInput
                label={t('orders.editor.dueDate')}
                value={v.dueDate || null}
                onChange={(d) => set({ dueDate: d ?? '' })}
                valueFormat={DATE_INPUT_FORMAT}
                dateParser={parseTypedDate}
                clearable
                w={200}
                data-testid="order-due-date"
              />
              {v.paymentStatus === 'paid' && (
                <DateInput
                  label={t('orders.editor.paidAt')}
                  value={v.paidAt || null}
                  onChange={(d) => set({ paidAt: d ?? '' })}
                  valueFormat={DATE_INPUT_FORMAT}
                  dateParser={parseTypedDate}
                  w={200}
                  data-testid="order-paid-at"
                />
              )}
            </Group>
            <Textarea
              label={t('orders.editor.notes')}
              value={v.notes}
              onChange={(e) => set({ notes: e.currentTarget.value })}
              autosize
              minRows={2}
              maxRows={6}
              data-testid="order-notes"
            />
          </Stack>
        </form>
      </Modal.Body>
    </DatesProvider>
  );
}
