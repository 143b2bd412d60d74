import { Button, Group, Input } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeedbackKind } from '../api/careTypes';
import { useFormat } from '../lib/format';
import { bandColor, bandOf, scale } from './feedbackModel';

interface ScoreControlProps {
  kind: FeedbackKind;
  /** null while no score is picked. */
  value: number | null;
  onChange: (score: number) => void;
  label: string;
  description?: string;
  error?: string;
}

/**
 * A segmented row of the scores of a survey (0–10 for NPS, 1–5 for CSAT), each coloured by its
 * band: red detractors, yellow passives, green promoters. A radio group for assistive technology;
 * ←/→ move the choice.
 */
export function ScoreControl({ kind, value, onChange, label, description, error }: ScoreControlProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const scores = scale(kind);
  const move = (delta: number) => {
    const i = value === null ? (delta > 0 ? -1 : scores.length) : scores.indexOf(value);
    const next = scores[Math.min(Math.max(i + delta, 0), scores.length - 1)];
    onChange(next);
    document.getElementById(`score-${next}`)?.focus();
  };
  return (
    <Input.Wrapper label={label} description={description} error={error}>
      <Group
        gap={4}
        mt={4}
        role="radiogroup"
        aria-label={label}
        data-testid="score-control"
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight' || e.key === 'ArrowUp') {
            e.preventDefault();
            move(1);
          } else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') {
            e.preventDefault();
            move(-1);
          }
        }}
      >
        {scores.map((s) => {
          const color = bandColor(bandOf(kind, s));
          const on = value === s;
          return (
            <Button
              key={s}
              id={`score-${s}`}
              role="radio"
              aria-checked={on}
              aria-label={t('feedback.form.scoreLabel', { score: s })}
              tabIndex={on || (value === null && s === scores[0]) ? 0 : -1}
              size="compact-md"
              miw={36}
              variant={on ? 'filled' : 'light'}
              color={color}
              onClick={() => onChange(s)}
              data-testid={`score-${s}`}
              data-band={bandOf(kind, s)}
            >
              {fmt.number(s)}
            </Button>
          );
        })}
      </Group>
    </Input.Wrapper>
  );
}
