import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { FairnessFeedback } from './FairnessFeedback';
import { Button, ChoiceGroup, Choice, DataState, Field, Notice, PageTitle, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useSession } from '../../lib/session';
import { useDebounced } from '../../lib/useDebounced';
import { contractOptions, useCreateOpening, useFairnessCheck, useOpening, useUpdateOpening, type Opening, type OpeningFields } from './api';
import { AlsoFitting, acceptableError } from './AlsoFitting';
import { dayOptions, dayPartOptions, fewReach, isPostcode, OccupationPicker, reachText, SkillPicker, supportOptions, usePoolEstimates, usePostcode, useRelatedOccupations, type OccupationValue } from '../reference';
import { useOrganisation, usePortfolio } from '../portfolio';

type Kind = OpeningFields['kind'];
type Form = {
  organisationId: string;
  kind: Kind;
  title: string;
  description: string;
  occupation: OccupationValue;
  /** acceptable are the "ook passend" occupations beside the main one. */
  acceptable: { id: string; label: string }[];
  requiredSkills: string[];
  /** mandatory are the required skills marked verplicht (⊆ requiredSkills). */
  mandatory: string[];
  niceSkills: string[];
  postcode: string;
  maxTravelKm: string;
  hoursMin: string;
  hoursMax: string;
  days: string[];
  dayParts: string[];
  contractType: OpeningFields['contractType'];
  startDate: string;
  wageMin: string;
  wageMax: string;
  places: string;
  support: string[];
  banenafspraak: boolean;
};

const kindsFor = (orgKind?: string): Kind[] =>
  orgKind === 'zorgaanbieder' ? ['participatieplek'] : ['vacature', 'proefplaats', 'leerwerkplek'];

const euros = (cents: number) => (cents ? String(cents / 100) : '');
const cents = (eur: string) => Math.round(Number(eur.replace(',', '.')) * 100) || 0;
const int = (s: string) => (s.trim() === '' ? 0 : Number(s));

function fromOpening(o: Opening): Form {
  return {
    organisationId: o.organisationId,
    kind: o.kind,
    title: o.title,
    description: o.description,
    occupation: { id: o.occupation.id, label: o.occupation.label },
    acceptable: o.acceptableOccupations,
    requiredSkills: o.requiredSkills,
    mandatory: o.mandatorySkills.filter((s) => o.requiredSkills.includes(s)),
    niceSkills: o.niceSkills,
    postcode: o.postcode,
    maxTravelKm: String(o.maxTravelKm),
    hoursMin: String(o.hoursMin),
    hoursMax: String(o.hoursMax),
    days: o.days,
    dayParts: o.dayParts,
    contractType: o.contractType,
    startDate: o.startDate ?? '',
    wageMin: euros(o.wageMinCents),
    wageMax: euros(o.wageMaxCents),
    places: String(o.places),
    support: o.support,
    banenafspraak: o.banenafspraak,
  };
}

/** OpeningFormPage creates (/vacatures/nieuw) or edits (/vacatures/:id/bewerken) an opening. */
export function OpeningFormPage() {
  const { id } = useParams();
  const opening = useOpening(id ?? '');
  if (!id) return <OpeningForm />;
  return (
    <DataState isLoading={opening.isLoading} error={opening.error}>
      {opening.data && <OpeningForm existing={opening.data} />}
    </DataState>
  );
}

function OpeningForm({ existing }: { existing?: Opening }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const user = useSession().data?.user;
  const staff = user?.role === 'accountmanager' || user?.role === 'admin';
  const portfolio = usePortfolio({ scope: user?.role === 'accountmanager' ? 'mine' : 'region' }, staff);
  const orgs = staff ? (portfolio.data ?? []) : [];
  const create = useCreateOpening();
  const update = useUpdateOpening(existing?.id ?? '');
  const mutation = existing ? update : create;

  const [form, setForm] = useState<Form>(() =>
    existing
      ? fromOpening(existing)
      : {
          organisationId: params.get('organisatie') ?? '',
          kind: user?.role === 'zorgaanbieder' ? 'participatieplek' : 'vacature',
          title: '',
          description: '',
          occupation: null,
          acceptable: [],
          requiredSkills: [],
          mandatory: [],
          niceSkills: [],
          postcode: '',
          maxTravelKm: '15',
          hoursMin: '',
          hoursMax: '',
          days: [],
          dayParts: [],
          contractType: user?.role === 'zorgaanbieder' ? 'geen' : 'tijdelijk',
          startDate: '',
          wageMin: '',
          wageMax: '',
          places: '1',
          support: [],
          banenafspraak: false,
        },
  );
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  // A new vacature starts at the organisation's own postcode (Mijn organisatie); an empty field only.
  const orgPostcode = useOrganisation(existing ? '' : staff ? form.organisationId : (user?.organisationId ?? '')).data?.postcode;
  const [prefilled, setPrefilled] = useState('');
  if (orgPostcode && orgPostcode !== prefilled) {
    setPrefilled(orgPostcode);
    // An updater, not this render's form: a title typed while the
    // organisation was loading may not be in it yet, and would be lost.
    setForm((f) => (f.postcode ? f : { ...f, postcode: orgPostcode }));
  }
  const orgKind = staff ? orgs.find((o) => o.organisationId === form.organisationId)?.kind : user?.role;
  const kinds = kindsFor(orgKind);
  const noContract = form.kind === 'proefplaats' || form.kind === 'participatieplek';

  const title = useDebounced(form.title, 400);
  const description = useDebounced(form.description, 400);
  const fairness = useFairnessCheck(title, description);
  const place = usePostcode(form.postcode);
  // Reach counts: how many available candidates each occupation finds at
  // this postcode and distance (asked once the postcode is known).
  const km = useDebounced(int(form.maxTravelKm), 400);
  const reach = useMemo(
    () => (place.data && isPostcode(form.postcode) ? { postcode: form.postcode, maxTravelKm: km, kind: form.kind } : null),
    [place.data, form.postcode, km, form.kind],
  );
  const related = (useRelatedOccupations(form.occupation?.id ?? '').data ?? []).filter((r) => !form.acceptable.some((o) => o.id === r.id));
  const estimates = usePoolEstimates(
    [form.occupation?.id ?? '', ...form.acceptable.map((o) => o.id), ...related.slice(0, 8).map((r) => r.id)],
    reach,
  );
  const mainEstimate = form.occupation ? estimates.data?.get(form.occupation.id) : undefined;

  const err = mutation.error instanceof ApiError ? mutation.error : undefined;
  const codes = err?.fieldErrors() ?? {};
  const messages = err?.fieldMessages() ?? {};
  const fe = (name: string) => ({ error: codes[name], message: messages[name] });
  const skillsError = codes.requiredSkills ? fe('requiredSkills') : fe('mandatorySkills');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      title: form.title,
      description: form.description,
      occupationId: form.occupation?.id ?? '',
      requiredSkills: form.requiredSkills,
      mandatorySkills: form.mandatory.filter((s) => form.requiredSkills.includes(s)),
      niceSkills: form.niceSkills,
      acceptableOccupationIds: form.acceptable.map((o) => o.id),
      postcode: form.postcode,
      maxTravelKm: int(form.maxTravelKm),
      hoursMin: int(form.hoursMin),
      hoursMax: int(form.hoursMax),
      days: form.days as OpeningFields['days'],
      dayParts: form.dayParts as OpeningFields['dayParts'],
      contractType: noContract ? 'geen' : form.contractType,
      startDate: form.startDate || null, // null: as soon as possible
      wageMinCents: form.kind === 'vacature' ? cents(form.wageMin) : 0,
      wageMaxCents: form.kind === 'vacature' ? cents(form.wageMax) : 0,
      places: int(form.places),
      support: form.support as OpeningFields['support'],
      banenafspraak: form.banenafspraak,
    } as const;
    const done = (o: Opening) => navigate(`/vacatures/${o.id}`);
    if (existing) {
      // A merge patch: null clears the start date ("zo snel mogelijk").
      update.mutate({ ...body, startDate: form.startDate || null }, { onSuccess: done });
    } else {
      create.mutate(
        {
          ...body,
          kind: form.kind,
          startDate: form.startDate || undefined,
          ...(staff ? { organisationId: form.organisationId } : {}),
        },
        { onSuccess: done },
      );
    }
  };

  return (
    <>
      <PageTitle>{existing ? t('opening.editTitle', { title: existing.title }) : t('opening.newTitle')}</PageTitle>
      <Paragraph>{t('opening.formIntro')}</Paragraph>
      <ErrorSummary
        error={err}
        title={t('opening.fixFields', { count: err?.invalidParams.length ?? 0 })}
        fallback={t('common.error')}
        labels={{
          organisationId: t('opening.organisation'),
          kind: t('opening.kind'),
          title: t('opening.title'),
          description: t('opening.description'),
          occupationId: t('opening.occupation'),
          acceptableOccupationIds: t('alsoFitting.legend'),
          requiredSkills: t('opening.requiredSkills'),
          mandatorySkills: t('opening.requiredSkills'),
          niceSkills: t('opening.niceSkills'),
          postcode: t('opening.postcode'),
          maxTravelKm: t('opening.maxTravelKm'),
          hoursMin: t('opening.hoursMin'),
          hoursMax: t('opening.hoursMax'),
          days: t('opening.days'),
          dayParts: t('opening.dayParts'),
          contractType: t('opening.contractType'),
          startDate: t('opening.startDate'),
          places: t('opening.places'),
          wageMinCents: t('opening.wageMin'),
          wageMaxCents: t('opening.wageMax'),
          support: t('opening.support'),
        }}
        targets={{ occupationId: 'occupation', mandatorySkills: 'requiredSkills', wageMinCents: 'wageMin', wageMaxCents: 'wageMax', acceptableOccupationIds: 'acceptableOccupations' }}
      />
      <form onSubmit={submit} noValidate className="wh-form wh-form--wide">
        {staff && !existing && (
          <Choice
            label={t('opening.organisation')}
            name="organisationId"
            value={form.organisationId}
            onChange={(v) => {
              const k = kindsFor(orgs.find((o) => o.organisationId === v)?.kind);
              setForm((f) => ({ ...f, organisationId: v, kind: k.includes(f.kind) ? f.kind : k[0], contractType: k[0] === 'participatieplek' ? 'geen' : f.contractType }));
            }}
            options={[{ value: '', label: t('opening.chooseOrganisation') }, ...orgs.map((o) => ({ value: o.organisationId, label: o.name }))]}
            {...fe('organisationId')}
          />
        )}
        {!existing && kinds.length > 1 && (
          <Choice
            label={t('opening.kind')}
            name="kind"
            value={form.kind}
            onChange={(v) => {
              const k = v as Kind;
              setForm((f) => ({ ...f, kind: k, contractType: k === 'proefplaats' || k === 'participatieplek' ? 'geen' : f.contractType === 'geen' ? 'tijdelijk' : f.contractType }));
            }}
            options={kinds.map((k) => ({ value: k, label: t(`opening.kinds.${k}`) }))}
            {...fe('kind')}
          />
        )}
        <Field label={t('opening.title')} name="title" required value={form.title} onChange={(v) => set('title', v)} description={t('opening.titleHelp')} {...fe('title')} />
        <TextArea
          label={t('opening.description')}
          name="description"
          value={form.description}
          onChange={(v) => set('description', v)}
          description={t('opening.descriptionHelp')}
          maxLength={5000}
          {...fe('description')}
        />
        <FairnessFeedback hits={fairness.data ?? []} staff={staff} />
        <OccupationPicker value={form.occupation} reach={reach}
          onChange={(v) => setForm((f) => ({ ...f, occupation: v, acceptable: v ? f.acceptable.filter((o) => o.id !== v.id) : f.acceptable }))}
          {...fe('occupationId')} />
        {form.occupation && reach && mainEstimate && (
          <p className="wh-place" aria-live="polite">
            {t('reach.main', { label: form.occupation.label, reach: reachText(t, mainEstimate), km: reach.maxTravelKm })}
          </p>
        )}
        {form.occupation && fewReach(mainEstimate) && (
          <Notice type="warning">{t('reach.fewWarning', { label: form.occupation.label })}</Notice>
        )}
        <AlsoFitting main={form.occupation} value={form.acceptable} onChange={(v) => set('acceptable', v)} reach={reach}
          estimates={estimates.data} {...acceptableError(err?.invalidParams ?? [], form.acceptable)} />
        <SkillPicker label={t('opening.requiredSkills')} name="requiredSkills" ids={form.requiredSkills} exclude={form.niceSkills}
          description={t('opening.requiredSkillsHelp')}
          onChange={(v) => setForm((f) => ({ ...f, requiredSkills: v, mandatory: f.mandatory.filter((s) => v.includes(s)) }))}
          mandatory={form.mandatory} onMandatory={(v) => set('mandatory', v)} {...skillsError} />
        <SkillPicker label={t('opening.niceSkills')} name="niceSkills" ids={form.niceSkills} exclude={form.requiredSkills}
          onChange={(v) => set('niceSkills', v)} {...fe('niceSkills')} />
        <div className="wh-grid2">
          <Field
            label={t('opening.postcode')}
            name="postcode"
            required
            value={form.postcode}
            onChange={(v) => set('postcode', v)}
            autoComplete="postal-code"
            {...fe('postcode')}
            after={
              <p className="wh-place" aria-live="polite">
                {place.data ? t('opening.placeIs', { place: place.data.place }) : place.isError ? t('opening.placeUnknown') : ''}
              </p>
            }
          />
          <Field label={t('opening.maxTravelKm')} name="maxTravelKm" inputMode="numeric" value={form.maxTravelKm} onChange={(v) => set('maxTravelKm', v)}
            description={t('opening.maxTravelHelp')} {...fe('maxTravelKm')} />
          <Field label={t('opening.hoursMin')} name="hoursMin" inputMode="numeric" required value={form.hoursMin} onChange={(v) => set('hoursMin', v)} {...fe('hoursMin')} />
          <Field label={t('opening.hoursMax')} name="hoursMax" inputMode="numeric" required value={form.hoursMax} onChange={(v) => set('hoursMax', v)} {...fe('hoursMax')} />
        </div>
        <ChoiceGroup multiple legend={t('opening.days')} name="days" values={form.days} onChange={(v) => set('days', v)}
          options={dayOptions.map((d) => ({ value: d, label: t(`opening.day.${d}`) }))} {...fe('days')} />
        <ChoiceGroup multiple legend={t('opening.dayParts')} name="dayParts" values={form.dayParts} onChange={(v) => set('dayParts', v)}
          options={dayPartOptions.map((d) => ({ value: d, label: t(`opening.dayPart.${d}`) }))} {...fe('dayParts')} />
        <div className="wh-grid2">
          {!noContract && (
            <Choice label={t('opening.contractType')} name="contractType" value={form.contractType}
              onChange={(v) => set('contractType', v as Form['contractType'])}
              options={contractOptions.filter((c) => c !== 'geen').map((c) => ({ value: c, label: t(`opening.contract.${c}`) }))} {...fe('contractType')} />
          )}
          <Field label={t('opening.startDate')} name="startDate" type="date" value={form.startDate} onChange={(v) => set('startDate', v)}
            description={t('opening.startDateHelp')} {...fe('startDate')} />
          <Field label={t('opening.places')} name="places" inputMode="numeric" required value={form.places} onChange={(v) => set('places', v)} {...fe('places')} />
        </div>
        {form.kind === 'vacature' && (
          <div className="wh-grid2">
            <Field label={t('opening.wageMin')} name="wageMin" inputMode="numeric" value={form.wageMin} onChange={(v) => set('wageMin', v)}
              description={t('opening.wageHelp')} {...fe('wageMinCents')} />
            <Field label={t('opening.wageMax')} name="wageMax" inputMode="numeric" value={form.wageMax} onChange={(v) => set('wageMax', v)} {...fe('wageMaxCents')} />
          </div>
        )}
        <ChoiceGroup multiple legend={t('opening.support')} name="support" values={form.support} onChange={(v) => set('support', v)}
          description={t('opening.supportHelp')} options={supportOptions.map((s) => ({ value: s, label: t(`opening.supports.${s}`) }))} {...fe('support')} />
        <ChoiceGroup multiple legend={t('opening.banenafspraakLegend')} name="banenafspraak" values={form.banenafspraak ? ['ja'] : []}
          onChange={(v) => set('banenafspraak', v.includes('ja'))} options={[{ value: 'ja', label: t('opening.banenafspraak') }]} />
        <div className="wh-actions">
          <Button type="submit" disabled={mutation.isPending}>
            {existing ? t('opening.save') : t('opening.saveDraft')}
          </Button>
          <Button secondary onClick={() => navigate(existing ? `/vacatures/${existing.id}` : '/vacatures')}>
            {t('common.cancel')}
          </Button>
        </div>
        {mutation.isPending && <Paragraph role="status">{t('common.saving')}</Paragraph>}
      </form>
    </>
  );
}
