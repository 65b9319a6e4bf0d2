import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DataState, Heading, Notice, Paragraph, ChoiceGroup } from '../../components/ui';
import { useSlots } from './api';
import { groupSlotsByDay } from './format';
import { addDays, dayKey, formatDay, formatTime } from '../../lib/format';

// A week at a time: short enough for a phone.
const days = 7;

type Props = {
  serviceId: string;
  value: string;
  onChange: (startsAt: string) => void;
  /** error is the server's reason the chosen time did not work (taken, or outside the hours). */
  error?: string;
};

/**
 * SlotPicker lists a schedulable service's free times two weeks at a time,
 * one radio group per day under one name: Tab reaches the times, the arrow
 * keys move between them, full times are left out.
 */
export function SlotPicker({ serviceId, value, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const today = dayKey(new Date().toISOString());
  const [from, setFrom] = useState(today);
  const slots = useSlots(serviceId, from, days);
  const grouped = groupSlotsByDay((slots.data ?? []).filter((s) => s.free > 0));
  const last = addDays(from, days - 1);
  return (
    <section aria-labelledby="slots-title" className="wh-slots">
      <Heading level={2} id="slots-title">
        {t('book.slotTitle')}
      </Heading>
      <Paragraph>{t('book.slotHelp')}</Paragraph>
      {error && <Notice type="error">{error}</Notice>}
      <div className="wh-actions">
        <Button secondary disabled={from <= today} onClick={() => setFrom(addDays(from, -days) < today ? today : addDays(from, -days))}>
          {t('book.earlier')}
        </Button>
        <Button secondary onClick={() => setFrom(addDays(from, days))}>
          {t('book.later')}
        </Button>
      </div>
      <Paragraph role="status">{t('book.period', { from: formatDay(from, i18n.language), to: formatDay(last, i18n.language) })}</Paragraph>
      <DataState isLoading={slots.isLoading} error={slots.error}>
        {grouped.length === 0 ? (
          <Paragraph>{t('book.noSlots')}</Paragraph>
        ) : (
          <div className="wh-slots__days">
            {grouped.map((d) => (
            <ChoiceGroup
              key={d.day}
              legend={formatDay(d.day, i18n.language)}
              name="startsAt"
              value={value}
              onChange={onChange}
              options={d.slots.map((s) => ({
                value: s.startsAt,
                label: t('book.slot', { from: formatTime(s.startsAt, i18n.language), to: formatTime(s.endsAt, i18n.language), count: s.free }),
              }))}
            />
            ))}
          </div>
        )}
      </DataState>
    </section>
  );
}
