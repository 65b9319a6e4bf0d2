import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Button, Choice, DataState, Field, Heading, Notice, PageTitle, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useSession } from '../../lib/session';
import { useCreateBooking, useOrganisations, useOrgOpenings, usePlacements, useService, type BookingRequest, type Service } from './api';
import { needsPlacement, quantityUnit, totalCents, vatText } from './format';
import { ServiceTerms } from './parts';
import { SlotPicker } from './SlotPicker';
import { formatDate, formatEuro } from '../../lib/format';
import { useFocusOnError } from '../../lib/useFocusOnError';

/** BookService is /diensten/:id/boeken: the booking flow of one service. */
export function BookService() {
  const { id = '' } = useParams();
  const service = useService(id);
  return (
    <DataState isLoading={service.isLoading} error={service.error}>
      {service.data && <BookingForm s={service.data} />}
    </DataState>
  );
}

function BookingForm({ s }: { s: Service }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useSession().data?.user;
  const staff = me?.role === 'accountmanager' || me?.role === 'admin';
  const title = (lang.startsWith('en') && s.titleEn) || s.titleNl;
  const placementRequired = needsPlacement(s.eligibility);
  const openingRequired = s.eligibility.includes('opening');
  const unit = quantityUnit(s.priceUnit);

  const [organisationId, setOrganisationId] = useState(params.get('organisatie') ?? '');
  const [placementId, setPlacementId] = useState(params.get('plaatsing') ?? '');
  const [openingId, setOpeningId] = useState(params.get('vacature') ?? '');
  const [quantity, setQuantity] = useState(unit === 'hours' ? '8' : '1');
  const [startsAt, setStartsAt] = useState('');
  const [note, setNote] = useState('');

  const organisations = useOrganisations(staff);
  const placements = usePlacements(placementRequired);
  const openings = useOrgOpenings(staff ? organisationId : undefined, !placementRequired && (!staff || !!organisationId));
  const create = useCreateBooking();

  const orgName = organisations.data?.find((o) => o.id === organisationId)?.name;
  const myPlacements = (placements.data ?? []).filter((p) => !p.endedOn && (!staff || p.organisationName === orgName));
  const myOpenings = (openings.data ?? []).filter((o) => o.state !== 'closed');

  const err = create.error instanceof ApiError ? create.error : undefined;
  const fields = err?.fieldErrors() ?? {};
  const messages = err?.fieldMessages() ?? {};
  const slotError = err?.status === 409 ? err.message : messages.startsAt;
  const known = ['organisationId', 'placementId', 'openingId', 'quantity', 'startsAt', 'note'];
  const otherError = err && err.status !== 409 && !err.invalidParams.some((p) => known.includes(p.name));

  const summary = useFocusOnError(err);
  const n = Number.parseInt(quantity, 10) || 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: BookingRequest = { serviceId: s.id!, note: note.trim() || undefined };
    if (staff) body.organisationId = organisationId || undefined;
    if (placementRequired) body.placementId = placementId || undefined;
    else if (openingId) body.openingId = openingId;
    if (unit) body.quantity = n;
    if (s.schedulable) body.startsAt = startsAt || undefined;
    create.mutate(body, { onSuccess: (b) => navigate(`/boekingen/${b.id}?nieuw=1`) });
  };

  return (
    <>
      <PageTitle>{t('book.title', { title })}</PageTitle>
      <Paragraph>
        <Link to={`/diensten?soort=${s.kind}`}>{t('book.back')}</Link>
      </Paragraph>
      <ServiceTerms s={s} />
      <form onSubmit={submit} noValidate className="wh-form wh-form--wide">
        <Heading level={2}>{t('book.yours')}</Heading>
        <div ref={summary} tabIndex={-1} className="wh-focus-target">
          {err && <Notice type="error">{otherError ? err.message : t('book.checkFields')}</Notice>}
        </div>
        {staff && (
          <DataState isLoading={organisations.isLoading} error={organisations.error}>
            <Choice
              label={t('book.organisation')}
              name="organisationId"
              value={organisationId}
              onChange={setOrganisationId}
              error={fields.organisationId}
              message={messages.organisationId}
              options={[
                { value: '', label: t('book.chooseOrganisation') },
                ...(organisations.data ?? []).filter((o) => o.kind !== 'dienstverlener').map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
          </DataState>
        )}
        {placementRequired && (
          <DataState isLoading={placements.isLoading} error={placements.error}>
            {myPlacements.length === 0 ? (
              <Notice type="warning">{t('book.noPlacement')}</Notice>
            ) : (
              <Choice
                label={t('book.placement')}
                name="placementId"
                value={placementId}
                onChange={setPlacementId}
                error={fields.placementId}
                message={messages.placementId}
                options={[
                  { value: '', label: t('book.choosePlacement') },
                  ...myPlacements.map((p) => ({
                    value: p.id,
                    label: t('book.placementOption', { code: p.candidateCode, opening: p.openingTitle, date: formatDate(p.startDate, lang) }),
                  })),
                ]}
              />
            )}
          </DataState>
        )}
        {!placementRequired && (openingRequired || myOpenings.length > 0) && (
          <Choice
            label={openingRequired ? t('book.opening') : t('book.openingOptional')}
            name="openingId"
            value={openingId}
            onChange={setOpeningId}
            error={fields.openingId}
            message={messages.openingId}
            options={[
              { value: '', label: openingRequired ? t('book.chooseOpening') : t('book.noOpening') },
              ...myOpenings.map((o) => ({ value: o.id, label: o.title })),
            ]}
          />
        )}
        {unit && (
          <Field
            label={t(`book.quantity.${unit}`)}
            name="quantity"
            inputMode="numeric"
            value={quantity}
            onChange={setQuantity}
            error={fields.quantity}
            message={messages.quantity}
            description={t(`book.quantityHelp.${unit}`)}
            after={
              <Paragraph className="wh-total" aria-live="polite">
                {unit === 'months'
                  ? t('book.totalMonths', { total: formatEuro(totalCents(s, n), lang), each: formatEuro(s.priceCents, lang), count: n })
                  : t('book.total', { total: formatEuro(totalCents(s, n), lang) })}{' '}
                ({vatText(t, s)})
              </Paragraph>
            }
          />
        )}
        {!unit && s.priceUnit === 'fixed' && (
          <Paragraph className="wh-total">
            {t('book.total', { total: formatEuro(s.priceCents, lang) })} ({vatText(t, s)})
          </Paragraph>
        )}
        {s.schedulable && <SlotPicker serviceId={s.id!} value={startsAt} onChange={setStartsAt} error={slotError} />}
        <TextArea
          label={t('book.note')}
          name="note"
          value={note}
          onChange={setNote}
          maxLength={1000}
          description={t('book.noteHelp')}
          error={fields.note}
          message={messages.note}
        />
        <Paragraph>{s.requiresApproval ? t('book.nextApproval') : s.priceUnit !== 'free' ? t('book.nextPayment', { count: s.payDays ?? 14 }) : t('book.nextProvider')}</Paragraph>
        <div className="wh-actions">
          <Button type="submit" disabled={create.isPending || (placementRequired && myPlacements.length === 0 && !staff)}>
            {create.isPending ? t('common.saving') : s.requiresApproval ? t('book.submitRequest') : t('book.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
