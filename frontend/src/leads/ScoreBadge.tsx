import { Badge, Divider, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScoreReason } from '../api/leadTypes';
import { ruleLabel, scoreColor, signedPoints } from './leadModel';

interface Props {
  score: number;
  reasons: ScoreReason[];
  size?: 'sm' | 'md' | 'lg';
}

/** A lead's score; clicking it (or Enter on it) lists the rules that made it up. */
export function ScoreBadge({ score, reasons, size = 'md' }: Props) {
  const { t } = useTranslation();
  return (
    <Popover width={300} position="bottom-end" withArrow shadow="md" withinPortal>
      <Popover.Target>
        <UnstyledButton
          aria-label={t('leads.score.label', { score })}
          onClick={(e) => e.stopPropagation()}
          data-testid="lead-score"
          data-score={score}
        >
          <Badge color={scoreColor(score)} variant="filled" size={size} style={{ cursor: 'pointer', minWidth: 36 }}>
            {score}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown data-testid="lead-score-reasons">
        <Text fw={600} size="sm" mb={6}>
          {t('leads.score.title')}
        </Text>
        {reasons.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('leads.score.none')}
          </Text>
        ) : (
          <Stack gap={4}>
            {reasons.map((r) => (
              <Group key={r.ruleId} gap="xs" wrap="nowrap" data-testid="lead-score-reason">
                <Text size="sm" fw={600} w={44} ta="right" c={r.points < 0 ? 'red' : r.points > 0 ? 'teal' : 'dimmed'} style={{ flexShrink: 0 }}>
                  {signedPoints(r.points)}
                </Text>
                <Text size="sm">{ruleLabel(r.ruleId, r.label, t)}</Text>
              </Group>
            ))}
            <Divider my={4} />
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" fw={700} w={44} ta="right">
                {score}
              </Text>
              <Text size="sm" fw={600}>
                {t('leads.score.total')}
              </Text>
            </Group>
          </Stack>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          {t('leads.score.rulesHint')}
        </Text>
      </Popover.Dropdown>
    </Popover>
  );
}
