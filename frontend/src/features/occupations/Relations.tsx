import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Button, DataState, Heading, Notice, PageTitle, Paragraph, ChoiceGroup } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useAddRelation, useRelations, useRemoveRelation, type OccupationRelation } from './api';
import { formatDate } from '../../lib/format';
import { OccupationPicker, type OccupationValue } from '../reference';

type Action = OccupationRelation['action'];

/**
 * Relations is where accountmanagers and admins keep their region's own
 * view of which occupations are related: "past ook bij" adds a relation the
 * occupation list lacks, "past niet bij" removes one it has.
 */
export function Relations() {
  const { t, i18n } = useTranslation();
  const relations = useRelations();
  const add = useAddRelation();
  const remove = useRemoveRelation();
  const [occupation, setOccupation] = useState<OccupationValue>(null);
  const [related, setRelated] = useState<OccupationValue>(null);
  const [action, setAction] = useState<Action>('add');
  // A new key empties the pickers after a relation is saved.
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<string | null>(null);

  const err = add.error instanceof ApiError ? add.error : undefined;
  const codes = err?.fieldErrors() ?? {};
  const messages = err?.fieldMessages() ?? {};
  const fe = (name: string) => ({ error: codes[name], message: messages[name] });
  const sentence = (r: { occupationLabel: string; relatedOccupationLabel: string; action: Action }) =>
    t(`relations.sentence.${r.action}`, { occupation: r.occupationLabel, related: r.relatedOccupationLabel });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    remove.reset();
    add.mutate(
      { occupationId: occupation?.id ?? '', relatedOccupationId: related?.id ?? '', action },
      {
        onSuccess: (r) => {
          setDone(t('relations.added', { sentence: sentence(r) }));
          setOccupation(null);
          setRelated(null);
          setRound((n) => n + 1);
        },
      },
    );
  };
  const removeOne = (r: OccupationRelation) => {
    setDone(null);
    add.reset();
    remove.mutate(r.id, { onSuccess: () => setDone(t('relations.removed', { sentence: sentence(r) })) });
  };

  return (
    <>
      <PageTitle>{t('relations.title')}</PageTitle>
      <Paragraph>{t('relations.intro')}</Paragraph>
      <Paragraph>{t('relations.follow')}</Paragraph>
      {done && <Notice type="ok">{done}</Notice>}
      {remove.error && <Notice type="error">{remove.error instanceof ApiError ? remove.error.message : t('common.error')}</Notice>}

      <Heading level={2}>{t('relations.addTitle')}</Heading>
      {err && err.status === 409 && <Notice type="error">{err.message || t('relations.duplicate')}</Notice>}
      {err && err.status !== 409 && (
        <Notice type="error">{err.invalidParams.length ? t('opening.fixFields', { count: err.invalidParams.length }) : err.message}</Notice>
      )}
      <form onSubmit={submit} noValidate className="wh-form">
        <OccupationPicker key={`a${round}`} label={t('relations.occupation')} name="occupationId" value={occupation} onChange={setOccupation}
          {...fe('occupationId')} />
        <ChoiceGroup legend={t('relations.action')} name="action" value={action} onChange={(v) => setAction(v as Action)}
          options={(['add', 'remove'] as const).map((a) => ({ value: a, label: t(`relations.actions.${a}`) }))} {...fe('action')} />
        <OccupationPicker key={`b${round}`} label={t('relations.related')} name="relatedOccupationId" value={related} onChange={setRelated}
          {...fe('relatedOccupationId')} />
        {occupation && related && (
          <Paragraph>
            {t('relations.preview', { sentence: sentence({ occupationLabel: occupation.label, relatedOccupationLabel: related.label, action }) })}
          </Paragraph>
        )}
        <div className="wh-actions">
          <Button type="submit" disabled={add.isPending}>
            {t('relations.save')}
          </Button>
        </div>
      </form>

      <Heading level={2}>{t('relations.listTitle')}</Heading>
      <DataState isLoading={relations.isLoading} error={relations.error}>
        {relations.data?.length === 0 ? (
          <Paragraph>{t('relations.none')}</Paragraph>
        ) : (
          <Table className="wh-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('relations.occupation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('relations.action')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('relations.related')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('relations.createdAt')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {relations.data?.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{r.occupationLabel}</TableCell>
                  <TableCell>{t(`relations.actions.${r.action}`)}</TableCell>
                  <TableCell>{r.relatedOccupationLabel}</TableCell>
                  <TableCell>{formatDate(r.createdAt, i18n.language)}</TableCell>
                  <TableCell>
                    <Button secondary disabled={remove.isPending} label={`${t('relations.remove')}: ${sentence(r)}`} onClick={() => removeOne(r)}>
                      {t('relations.remove')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DataState>
    </>
  );
}
