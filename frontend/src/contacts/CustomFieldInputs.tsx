import { Box, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCustomFields, type CustomField } from '../api';

interface Props {
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange: (id: string, value: string) => void;
}

/** The choices offered for a choice field: its options, plus a value set before it was removed. */
export function choiceData(f: CustomField, current: string): string[] {
  return current && !f.options.includes(current) ? [...f.options, current] : f.options;
}

/** One input per custom field (Settings → Custom fields), by kind. Nothing when there are none. */
export function CustomFieldInputs({ values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const fields = useCustomFields();
  const list = fields.data ?? [];
  if (!list.length) return null;
  return (
    <Box data-testid="form-custom-fields">
      <Box component="h3" fz="xs" fw={600} c="dimmed" tt="uppercase" m={0} mb={6} style={{ letterSpacing: 0.4 }}>
        {t('customFields.formSection')}
      </Box>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        {list.map((f) => {
          const control = `custom.${f.id}`;
          const common = {
            key: f.id,
            id: `contact-${control.replace('.', '-')}`,
            label: f.name,
            error: errors[control],
            'data-testid': 'custom-input',
            'data-field': f.name,
          };
          const v = values[f.id] ?? '';
          switch (f.kind) {
            case 'number':
              return (
                <NumberInput
                  {...common}
                  value={v}
                  onChange={(n) => onChange(f.id, n === '' ? '' : String(n))}
                  decimalSeparator="."
                  hideControls
                  allowedDecimalSeparators={['.', ',']}
                />
              );
            case 'date':
              return <TextInput {...common} type="date" value={v} onChange={(e) => onChange(f.id, e.currentTarget.value)} />;
            case 'choice':
              return (
                <Select
                  {...common}
                  data={choiceData(f, v)}
                  value={v || null}
                  onChange={(c) => onChange(f.id, c ?? '')}
                  clearable
                  placeholder={t('customFields.choose')}
                  comboboxProps={{ withinPortal: true }}
                />
              );
            default:
              return <TextInput {...common} value={v} onChange={(e) => onChange(f.id, e.currentTarget.value)} />;
          }
        })}
      </SimpleGrid>
    </Box>
  );
}
