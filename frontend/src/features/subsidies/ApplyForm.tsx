import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, DataState, Field, Notice, PageTitle, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useApplyLks } from './applications';
import { ErrorSummary } from './LksParts';
import { formatDate } from '../../lib/format';
import { usePlacements, type Placement } from '../services';

/** ApplyForm is /loonkostensubsidie/aanvragen?plaatsing=…: the werkgever applies for LKS from a placement. */
export function ApplyForm() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const placementId = params.get('plaatsing') ?? '';
  const placements = usePlacements();
  const placement = placements.data?.find((p) => p.id === placementId);
  return (
    <>
      <PageTitle>{t('lks.applyTitle')}</PageTitle>
      <Paragraph>
        <Link to="/loonkostensubsidie">{t('lks.back')}</Link>
      </Paragraph>
      <DataState isLoading={placements.isLoading} error={placements.error}>
        {placement ? <ApplyFields p={placement} /> : <Notice type="warning">{t('lks.noPlacement')}</Notice>}
      </DataState>
    </>
  );
}

function ApplyFields({ p }: { p: Placement }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const apply = useApplyLks();
  const [fullTime, setFullTime] = useState('36');
  const [note, setNote] = useState('');
  const err = apply.error instanceof ApiError ? apply.error : undefined;
  const fields = err?.fieldErrors() ?? {};
  const messages = err?.fieldMessages() ?? {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const hours = Number.parseFloat(fullTime.replace(',', '.'));
    apply.mutate(
      { placementId: p.id, fullTimeHours: Number.isFinite(hours) ? hours : undefined, note: note.trim() || undefined },
      { onSuccess: (a) => navigate(`/loonkostensubsidie/${a.id}?nieuw=1`) },
    );
  };
  return (
    <>
      <Paragraph>{t('lks.applyIntro')}</Paragraph>
      <dl className="wh-dl">
        <dt>{t('lks.placement')}</dt>
        <dd>{t('lks.placementText', { code: p.candidateCode, opening: p.openingTitle, date: formatDate(p.startDate, lang) })}</dd>
        <dt>{t('lks.contract')}</dt>
        <dd>{t(`invites.contracts.${p.contractType}`, { defaultValue: p.contractType })}</dd>
        <dt>{t('lks.hours')}</dt>
        <dd>{t('lks.hoursText', { hours: p.hours })}</dd>
      </dl>
      <form onSubmit={submit} noValidate className="wh-form">
        <ErrorSummary error={err} labels={{ fullTimeHours: t('lks.fullTimeHours'), note: t('lks.note') }} fallback={t('common.error')} />
        <Field label={t('lks.fullTimeHours')} name="fullTimeHours" inputMode="decimal" value={fullTime} onChange={setFullTime}
          description={t('lks.fullTimeHoursHelp')} error={fields.fullTimeHours} message={messages.fullTimeHours} />
        <TextArea label={t('lks.note')} name="note" value={note} onChange={setNote} maxLength={1000} description={t('lks.noteHelp')}
          error={fields.note} message={messages.note} />
        <div className="wh-actions">
          <Button type="submit" disabled={apply.isPending}>
            {t('lks.submitApply')}
          </Button>
        </div>
      </form>
    </>
  );
}
