import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Button, CheckboxField, ChoiceGroup, Choice, DataState, Field, Heading, Notice, PageTitle, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useOrganisations, useSaveService, useService, useServices, type Eligibility, type PriceUnit, type Service, type ServiceHours } from './api';
import { eligibilityRules, knownKinds, priceText, priceUnits } from './format';
import { useKindLabel } from './parts';
import { centsToInput, parseEuros } from '../../lib/format';
import { useFocusOnError } from '../../lib/useFocusOnError';

/** ServiceAdmin is /beheer/diensten: the region's whole catalogue, inactive entries too, with edit links. */
export function ServiceAdmin() {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel();
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  const services = useServices({ inactive: true });
  return (
    <>
      <PageTitle>{t('serviceAdmin.title')}</PageTitle>
      {saved && <Notice type="ok">{t('serviceAdmin.saved', { title: saved })}</Notice>}
      <div className="wh-actions">
        <Link to="/beheer/diensten/nieuw" className="utrecht-button-link utrecht-button-link--primary-action-button">
          {t('serviceAdmin.new')}
        </Link>
      </div>
      <DataState isLoading={services.isLoading} error={services.error}>
        {services.data?.length === 0 ? (
          <Paragraph>{t('serviceAdmin.empty')}</Paragraph>
        ) : (
          <Table className="wh-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('serviceAdmin.titleNl')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('serviceAdmin.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('services.provider')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('services.priceLabel')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('serviceAdmin.active')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {services.data?.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>
                    <Link to={`/beheer/diensten/${s.id}`}>
                      {s.titleNl}
                      <span className="wh-visually-hidden"> {t('serviceAdmin.editHidden')}</span>
                    </Link>
                  </TableCell>
                  <TableCell>{kindLabel(s.kind)}</TableCell>
                  <TableCell>{s.providerName || t('services.municipality')}</TableCell>
                  <TableCell>{priceText(t, i18n.language, s.priceCents, s.priceUnit, s)}</TableCell>
                  <TableCell>{s.active ? t('common.yes') : t('common.no')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DataState>
    </>
  );
}

/** ServiceEdit is /beheer/diensten/nieuw and /beheer/diensten/:id. */
export function ServiceEdit() {
  const { id } = useParams();
  const service = useService(id ?? '', !!id);
  if (!id) return <ServiceForm />;
  return (
    <DataState isLoading={service.isLoading} error={service.error}>
      {service.data && <ServiceForm s={service.data} />}
    </DataState>
  );
}

const blank: Service = {
  kind: 'jobcoaching',
  titleNl: '',
  titleEn: '',
  descriptionNl: '',
  descriptionEn: '',
  providerId: '',
  priceCents: 0,
  priceUnit: 'free',
  requiresApproval: false,
  personBound: false,
  eligibility: [],
  cancelFreeHours: 24,
  cancelFeePercent: 0,
  payDays: 14,
  schedulable: false,
  slotMinutes: 60,
  capacity: 1,
  active: true,
  hours: [],
};

const weekdays = [1, 2, 3, 4, 5, 6, 7];

/** hoursErrors maps the server's hours[0] (or hours[0].opens) errors to their rows. */
export function hoursErrors(err: ApiError | undefined): Record<number, string> {
  const out: Record<number, string> = {};
  if (!err) return out;
  const messages = err.fieldMessages();
  for (const [name, message] of Object.entries(messages)) {
    const m = /^hours\[(\d+)\]/.exec(name);
    if (m && !(Number(m[1]) in out)) out[Number(m[1])] = message;
  }
  return out;
}

function ServiceForm({ s = blank }: { s?: Service }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const kindLabel = useKindLabel();
  const save = useSaveService(s.id);
  const organisations = useOrganisations();
  const own = !knownKinds.includes(s.kind as (typeof knownKinds)[number]);
  const [form, setForm] = useState({ ...s, providerId: s.providerId ?? '', hours: s.hours ?? [] });
  const [kindChoice, setKindChoice] = useState(own ? 'eigen' : s.kind);
  const [ownKind, setOwnKind] = useState(own ? s.kind : '');
  const [price, setPrice] = useState(s.priceUnit === 'free' ? '' : centsToInput(s.priceCents, lang));
  const [numbers, setNumbers] = useState({
    cancelFreeHours: String(s.cancelFreeHours),
    cancelFeePercent: String(s.cancelFeePercent),
    payDays: String(s.payDays ?? 14),
    slotMinutes: String(s.slotMinutes ?? 60),
    capacity: String(s.capacity ?? 1),
  });
  const [closedDays, setClosedDays] = useState((s.closedDays ?? []).join(', '));
  const [vat, setVat] = useState(s.vatExemption ? 'exempt' : String(s.vatRate ?? 21));
  const [exemption, setExemption] = useState(s.vatExemption ?? '');
  const [priceError, setPriceError] = useState(false);
  const set = (patch: Partial<Service>) => setForm((f) => ({ ...f, ...patch }));
  const setHour = (i: number, patch: Partial<ServiceHours>) => set({ hours: form.hours.map((h, j) => (j === i ? { ...h, ...patch } : h)) });

  const err = save.error instanceof ApiError ? save.error : undefined;
  const fields = err?.fieldErrors() ?? {};
  const messages = err?.fieldMessages() ?? {};
  const rowErrors = hoursErrors(err);
  const summary = useFocusOnError(save.error ?? (priceError || undefined));
  const providers = (organisations.data ?? []).filter((o) => o.kind === 'dienstverlener' || o.kind === 'zorgaanbieder');
  const int = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : -1);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = form.priceUnit === 'free' ? 0 : parseEuros(price);
    setPriceError(cents === undefined);
    if (cents === undefined) return;
    const body: Service = {
      kind: kindChoice === 'eigen' ? ownKind.trim() : kindChoice,
      titleNl: form.titleNl,
      titleEn: form.titleEn,
      descriptionNl: form.descriptionNl,
      descriptionEn: form.descriptionEn,
      providerId: form.providerId || undefined,
      priceCents: cents,
      priceUnit: form.priceUnit,
      requiresApproval: form.requiresApproval,
      personBound: form.personBound,
      eligibility: form.eligibility,
      cancelFreeHours: int(numbers.cancelFreeHours),
      cancelFeePercent: int(numbers.cancelFeePercent),
      payDays: int(numbers.payDays),
      vatRate: vat === 'exempt' ? undefined : (Number(vat) as Service['vatRate']),
      vatExemption: vat === 'exempt' ? exemption : undefined,
      schedulable: form.schedulable,
      slotMinutes: int(numbers.slotMinutes),
      capacity: int(numbers.capacity),
      active: form.active,
      hours: form.schedulable ? form.hours : [],
      closedDays: form.schedulable ? closedDays.split(/[\s,]+/).filter(Boolean) : [],
    };
    save.mutate(body, { onSuccess: (saved) => navigate('/beheer/diensten', { state: { saved: saved.titleNl } }) });
  };

  return (
    <>
      <PageTitle>{s.id ? t('serviceAdmin.editTitle', { title: s.titleNl }) : t('serviceAdmin.newTitle')}</PageTitle>
      <Paragraph>
        <Link to="/beheer/diensten">{t('serviceAdmin.back')}</Link>
      </Paragraph>
      <form onSubmit={submit} noValidate className="wh-form wh-form--wide">
        <div ref={summary} tabIndex={-1} className="wh-focus-target">
          {(err || priceError) && <Notice type="error">{!err || err.invalidParams.length ? t('serviceAdmin.checkFields') : t('common.error')}</Notice>}
        </div>
        <fieldset className="wh-fieldset">
          <legend>{t('serviceAdmin.what')}</legend>
          <Choice
            label={t('serviceAdmin.kind')}
            name="kind"
            value={kindChoice}
            onChange={setKindChoice}
            error={kindChoice !== 'eigen' ? fields.kind : undefined}
            message={messages.kind}
            options={[...knownKinds.map((k) => ({ value: k, label: kindLabel(k) })), { value: 'eigen', label: t('serviceAdmin.ownKind') }]}
          />
          {kindChoice === 'eigen' && (
            <Field label={t('serviceAdmin.ownKindName')} name="ownKind" value={ownKind} onChange={setOwnKind} description={t('serviceAdmin.ownKindHelp')}
              error={fields.kind} message={messages.kind} />
          )}
          <Field label={t('serviceAdmin.titleNl')} name="titleNl" required value={form.titleNl} onChange={(titleNl) => set({ titleNl })} error={fields.titleNl} message={messages.titleNl} />
          <Field label={t('serviceAdmin.titleEn')} name="titleEn" required value={form.titleEn} onChange={(titleEn) => set({ titleEn })} error={fields.titleEn} message={messages.titleEn} />
          <TextArea label={t('serviceAdmin.descriptionNl')} name="descriptionNl" value={form.descriptionNl ?? ''} onChange={(descriptionNl) => set({ descriptionNl })}
            maxLength={2000} description={t('serviceAdmin.descriptionHelp')} error={fields.descriptionNl} message={messages.descriptionNl} />
          <TextArea label={t('serviceAdmin.descriptionEn')} name="descriptionEn" value={form.descriptionEn ?? ''} onChange={(descriptionEn) => set({ descriptionEn })}
            maxLength={2000} error={fields.descriptionEn} message={messages.descriptionEn} />
          <Choice
            label={t('services.provider')}
            name="providerId"
            value={form.providerId ?? ''}
            onChange={(providerId) => set({ providerId })}
            error={fields.providerId}
            message={messages.providerId}
            options={[{ value: '', label: t('serviceAdmin.municipality') }, ...providers.map((o) => ({ value: o.id, label: o.name }))]}
          />
          <CheckboxField label={t('serviceAdmin.activeField')} name="active" checked={form.active} onChange={(active) => set({ active })}
            description={t('serviceAdmin.activeHelp')} />
        </fieldset>

        <fieldset className="wh-fieldset">
          <legend>{t('serviceAdmin.priceAndRules')}</legend>
          <Choice
            label={t('serviceAdmin.priceUnit')}
            name="priceUnit"
            value={form.priceUnit}
            onChange={(v) => set({ priceUnit: v as PriceUnit })}
            error={fields.priceUnit}
            message={messages.priceUnit}
            options={priceUnits.map((u) => ({ value: u, label: t(`serviceAdmin.units.${u}`) }))}
          />
          {form.priceUnit !== 'free' && (
            <Field label={t('serviceAdmin.price')} name="price" inputMode="decimal" required value={price} onChange={setPrice}
              description={t('serviceAdmin.priceHelp')} error={priceError ? 'invalid' : fields.priceCents}
              message={priceError ? t('serviceAdmin.priceInvalid') : messages.priceCents} />
          )}
          <Choice label={t('serviceAdmin.vat')} name="vat" value={vat} onChange={setVat} error={fields.vatRate} message={messages.vatRate}
            options={['21', '9', '0', 'exempt'].map((v) => ({ value: v, label: t(`serviceAdmin.vatOptions.${v}`) }))} />
          {vat === 'exempt' && (
            <Field label={t('serviceAdmin.vatExemption')} name="vatExemption" required value={exemption} onChange={setExemption}
              description={t('serviceAdmin.vatExemptionHelp')} error={fields.vatExemption} message={messages.vatExemption} />
          )}
          <CheckboxField label={t('serviceAdmin.requiresApproval')} name="requiresApproval" checked={form.requiresApproval}
            onChange={(requiresApproval) => set({ requiresApproval })} />
          <CheckboxField label={t('serviceAdmin.personBound')} name="personBound" checked={!!form.personBound} onChange={(personBound) => set({ personBound })} />
          <ChoiceGroup multiple
            legend={t('serviceAdmin.eligibility')}
            name="eligibility"
            values={form.eligibility}
            onChange={(v) => set({ eligibility: v as Eligibility[] })}
            options={eligibilityRules.map((r) => ({ value: r, label: t(`serviceAdmin.rules.${r}`) }))}
            error={fields.eligibility}
            message={messages.eligibility}
          />
          <Field label={t('serviceAdmin.cancelFreeHours')} name="cancelFreeHours" inputMode="numeric" value={numbers.cancelFreeHours}
            onChange={(v) => setNumbers({ ...numbers, cancelFreeHours: v })} description={t('serviceAdmin.cancelFreeHoursHelp')}
            error={fields.cancelFreeHours} message={messages.cancelFreeHours} />
          <Field label={t('serviceAdmin.cancelFeePercent')} name="cancelFeePercent" inputMode="numeric" value={numbers.cancelFeePercent}
            onChange={(v) => setNumbers({ ...numbers, cancelFeePercent: v })} description={t('serviceAdmin.cancelFeePercentHelp')}
            error={fields.cancelFeePercent} message={messages.cancelFeePercent} />
          <Field label={t('serviceAdmin.payDays')} name="payDays" inputMode="numeric" value={numbers.payDays}
            onChange={(v) => setNumbers({ ...numbers, payDays: v })} description={t('serviceAdmin.payDaysHelp')}
            error={fields.payDays} message={messages.payDays} />
        </fieldset>

        <fieldset className="wh-fieldset">
          <legend>{t('serviceAdmin.planning')}</legend>
          <CheckboxField label={t('serviceAdmin.schedulable')} name="schedulable" checked={form.schedulable} onChange={(schedulable) => set({ schedulable })}
            description={t('serviceAdmin.schedulableHelp')} />
          <Field label={t('serviceAdmin.capacity')} name="capacity" inputMode="numeric" value={numbers.capacity}
            onChange={(v) => setNumbers({ ...numbers, capacity: v })} description={t('serviceAdmin.capacityHelp')}
            error={fields.capacity} message={messages.capacity} />
          {form.schedulable && (
            <>
              <Field label={t('serviceAdmin.slotMinutes')} name="slotMinutes" inputMode="numeric" value={numbers.slotMinutes}
                onChange={(v) => setNumbers({ ...numbers, slotMinutes: v })} error={fields.slotMinutes} message={messages.slotMinutes} />
              <Heading level={2}>{t('serviceAdmin.hours')}</Heading>
              {fields.hours && <Notice type="error">{messages.hours}</Notice>}
              {form.hours.length === 0 && <Paragraph>{t('serviceAdmin.noHours')}</Paragraph>}
              {form.hours.map((h, i) => (
                <fieldset key={i} className="wh-fieldset wh-hours">
                  <legend>{t('serviceAdmin.hoursRow', { n: i + 1 })}</legend>
                  <Choice label={t('serviceAdmin.weekday')} name={`hours-${i}-weekday`} value={String(h.weekday)} onChange={(v) => setHour(i, { weekday: Number(v) })}
                    options={weekdays.map((d) => ({ value: String(d), label: t(`serviceAdmin.weekdays.${d}`) }))} />
                  <Field label={t('serviceAdmin.opens')} name={`hours-${i}-opens`} value={h.opens} onChange={(opens) => setHour(i, { opens })}
                    description={t('serviceAdmin.clockHelp')} error={rowErrors[i] ? 'invalid' : undefined} message={rowErrors[i]} />
                  <Field label={t('serviceAdmin.closes')} name={`hours-${i}-closes`} value={h.closes} onChange={(closes) => setHour(i, { closes })}
                    description={t('serviceAdmin.clockHelp')} />
                  <div>
                    <Button secondary onClick={() => set({ hours: form.hours.filter((_, j) => j !== i) })}>
                      {t('serviceAdmin.removeHours')}
                      <span className="wh-visually-hidden"> {t('serviceAdmin.hoursRow', { n: i + 1 })}</span>
                    </Button>
                  </div>
                </fieldset>
              ))}
              <div>
                <Button secondary onClick={() => set({ hours: [...form.hours, { weekday: 1, opens: '09:00', closes: '17:00' }] })}>
                  {t('serviceAdmin.addHours')}
                </Button>
              </div>
              <Field label={t('serviceAdmin.closedDays')} name="closedDays" value={closedDays} onChange={setClosedDays}
                description={t('serviceAdmin.closedDaysHelp')}
                error={Object.entries(fields).find(([k]) => k.startsWith('closedDays'))?.[1]}
                message={Object.entries(messages).find(([k]) => k.startsWith('closedDays'))?.[1]} />
            </>
          )}
        </fieldset>
        <div className="wh-actions">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('serviceAdmin.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
