import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, ChoiceGroup, Choice, Field, Notice, PageTitle, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import {
  cefrLevels,
  educationLevels,
  languageCodes,
  statuses,
  useCreateCandidate,
  useUpdateProfile,
  type Candidate,
  type CandidateStatus,
  type Identity,
  type Profile,
} from './api';
import { dayOptions, dayPartOptions, OccupationsPicker, SkillPicker, supportOptions, usePostcode } from '../reference';

type Lang = Profile['languages'][number];

/** ProfileState is the editable profile: numbers as typed text, occupations with labels. */
export type ProfileState = {
  occupations: { id: string; label: string }[];
  skills: string[];
  experience: string;
  education: Profile['education'];
  languages: Lang[];
  drivingLicence: boolean;
  ownTransport: boolean;
  pc4: string;
  maxTravelKm: string;
  hoursMin: string;
  hoursMax: string;
  days: string[];
  dayParts: string[];
  availableFrom: string;
  rung: string;
  supportNeeds: string[];
  flags: string[];
  status: CandidateStatus;
};

export function emptyProfile(): ProfileState {
  return {
    occupations: [], skills: [], experience: '', education: '', languages: [{ code: 'nl', level: 'B1' }], drivingLicence: false,
    ownTransport: false, pc4: '', maxTravelKm: '15', hoursMin: '', hoursMax: '', days: [], dayParts: [], availableFrom: '', rung: '',
    supportNeeds: [], flags: [], status: 'available',
  };
}

/**
 * licenceSkill is the skill that says the same as the "Rijbewijs B" checkbox.
 * The licence is one fact: the form keeps the skill out of the skill picker
 * and sends it exactly when the checkbox is ticked (the server refuses the
 * two when they disagree).
 */
export const licenceSkill = 'rijbewijs-b';

export function fromCandidate(c: Candidate): ProfileState {
  const p = c.profile;
  return {
    occupations: p.occupations.map((id, i) => ({ id, label: c.occupationLabels[i] || id })), skills: p.skills.filter((x) => x !== licenceSkill),
    experience: p.experience, education: p.education, languages: p.languages,
    drivingLicence: p.drivingLicence || p.skills.includes(licenceSkill), ownTransport: p.ownTransport, pc4: p.pc4,
    maxTravelKm: p.maxTravelKm ? String(p.maxTravelKm) : '', hoursMin: p.hoursMin ? String(p.hoursMin) : '', hoursMax: p.hoursMax ? String(p.hoursMax) : '',
    days: p.days, dayParts: p.dayParts, availableFrom: p.availableFrom ?? '', rung: p.rung ? String(p.rung) : '', supportNeeds: p.supportNeeds,
    flags: [p.doelgroepregister && 'doelgroepregister', p.praktijkroute && 'praktijkroute', p.lksIndicatie && 'lksIndicatie'].filter(Boolean) as string[],
    status: c.status,
  };
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

export function toProfile(s: ProfileState): Profile {
  return {
    occupations: s.occupations.map((o) => o.id),
    skills: [...s.skills.filter((x) => x !== licenceSkill), ...(s.drivingLicence ? [licenceSkill] : [])], experience: s.experience, education: s.education, languages: s.languages,
    drivingLicence: s.drivingLicence, ownTransport: s.ownTransport, pc4: s.pc4.trim(), maxTravelKm: num(s.maxTravelKm), hoursMin: num(s.hoursMin),
    hoursMax: num(s.hoursMax), days: s.days as Profile['days'], dayParts: s.dayParts as Profile['dayParts'],
    availableFrom: s.availableFrom || undefined, rung: num(s.rung), supportNeeds: s.supportNeeds as Profile['supportNeeds'],
    doelgroepregister: s.flags.includes('doelgroepregister'), praktijkroute: s.flags.includes('praktijkroute'), lksIndicatie: s.flags.includes('lksIndicatie'),
  };
}

/** fieldProps maps a server error onto a field's error code and message. */
export function useFieldErrors(error: unknown) {
  useTranslation();
  const err = error instanceof ApiError ? error : undefined;
  const codes = err?.fieldErrors() ?? {};
  const messages = err?.fieldMessages() ?? {};
  return { err, fe: (...names: string[]) => {
    const n = names.find((x) => codes[x]);
    return n ? { error: codes[n], message: messages[n] } : {};
  } };
}

/** ProfileFields are the profile inputs, shared by registering and editing. */
export function ProfileFields({ s, set, fe, withStatus }: {
  s: ProfileState;
  set: <K extends keyof ProfileState>(k: K, v: ProfileState[K]) => void;
  fe: (...names: string[]) => { error?: string; message?: string };
  withStatus: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {withStatus && (
        <Choice label={t('candidate.status')} name="status" value={s.status} onChange={(v) => set('status', v as CandidateStatus)}
          options={statuses.map((x) => ({ value: x, label: t(`candidate.statuses.${x}`) }))} {...fe('status')} />
      )}
      <OccupationsPicker value={s.occupations} onChange={(v) => set('occupations', v)} max={5} {...fe('occupations', 'profile.occupations')} />
      <SkillPicker label={t('candidate.skills')} name="skills" ids={s.skills} exclude={[licenceSkill]} onChange={(v) => set('skills', v)}
        description={t('candidate.skillsHelp')} {...fe('skills', 'profile.skills')} />
      <TextArea label={t('candidate.experience')} name="experience" value={s.experience} onChange={(v) => set('experience', v)} maxLength={1000}
        description={t('candidate.experienceHelp')} {...fe('experience', 'profile.experience')} />
      <div className="wh-grid2">
        <Choice label={t('candidate.education')} name="education" value={s.education} onChange={(v) => set('education', v as ProfileState['education'])}
          options={[{ value: '', label: t('candidate.unknown') }, ...educationLevels.map((e) => ({ value: e, label: t(`candidate.educationLevels.${e}`) }))]} {...fe('education')} />
        <Choice label={t('candidate.rung')} name="rung" value={s.rung} onChange={(v) => set('rung', v)}
          options={[{ value: '', label: t('candidate.unknown') }, ...[1, 2, 3, 4, 5, 6].map((r) => ({ value: String(r), label: t(`candidate.rungs.${r}`) }))]} {...fe('rung', 'profile.rung')} />
        <Field label={t('candidate.pc4')} name="pc4" inputMode="numeric" value={s.pc4} onChange={(v) => set('pc4', v)} description={t('candidate.pc4Help')} {...fe('pc4', 'profile.pc4')} />
        <Field label={t('opening.maxTravelKm')} name="maxTravelKm" inputMode="numeric" value={s.maxTravelKm} onChange={(v) => set('maxTravelKm', v)} {...fe('maxTravelKm', 'profile.maxTravelKm')} />
        <Field label={t('opening.hoursMin')} name="hoursMin" inputMode="numeric" value={s.hoursMin} onChange={(v) => set('hoursMin', v)} {...fe('hoursMin', 'profile.hoursMin')} />
        <Field label={t('opening.hoursMax')} name="hoursMax" inputMode="numeric" value={s.hoursMax} onChange={(v) => set('hoursMax', v)} {...fe('hoursMax', 'profile.hoursMax')} />
        <Field label={t('candidate.availableFrom')} name="availableFrom" type="date" value={s.availableFrom} onChange={(v) => set('availableFrom', v)} {...fe('availableFrom', 'profile.availableFrom')} />
      </div>
      <fieldset className="wh-fieldset">
        <legend>{t('candidate.languages')}</legend>
        {s.languages.map((l, i) => (
          <div key={i} className="wh-grid2">
            <Choice label={t('candidate.language', { n: i + 1 })} name={`language-${i}`} value={l.code}
              onChange={(v) => set('languages', s.languages.map((x, j) => (j === i ? { ...x, code: v as Lang['code'] } : x)))}
              options={languageCodes.map((c) => ({ value: c, label: t(`candidate.languageNames.${c}`) }))} {...fe(`languages[${i}].code`)} />
            <Choice label={t('candidate.level', { n: i + 1 })} name={`level-${i}`} value={l.level}
              onChange={(v) => set('languages', s.languages.map((x, j) => (j === i ? { ...x, level: v as Lang['level'] } : x)))}
              options={cefrLevels.map((c) => ({ value: c, label: c }))} {...fe(`languages[${i}].level`)} />
            <Button secondary onClick={() => set('languages', s.languages.filter((_, j) => j !== i))}>
              {t('candidate.removeLanguage', { n: i + 1 })}
            </Button>
          </div>
        ))}
        {s.languages.length < 10 && (
          <Button secondary onClick={() => set('languages', [...s.languages, { code: 'en', level: 'A2' }])}>
            {t('candidate.addLanguage')}
          </Button>
        )}
      </fieldset>
      <ChoiceGroup multiple legend={t('candidate.mobility')} name="mobility" {...licenceError(fe)} values={[s.drivingLicence && 'rijbewijs', s.ownTransport && 'vervoer'].filter(Boolean) as string[]}
        onChange={(v) => {
          set('drivingLicence', v.includes('rijbewijs'));
          set('ownTransport', v.includes('vervoer'));
        }}
        options={[{ value: 'rijbewijs', label: t('candidate.drivingLicence') }, { value: 'vervoer', label: t('candidate.ownTransport') }]} />
      <ChoiceGroup multiple legend={t('opening.days')} name="days" values={s.days} onChange={(v) => set('days', v)}
        options={dayOptions.map((d) => ({ value: d, label: t(`opening.day.${d}`) }))} {...fe('days')} />
      <ChoiceGroup multiple legend={t('opening.dayParts')} name="dayParts" values={s.dayParts} onChange={(v) => set('dayParts', v)}
        options={dayPartOptions.map((d) => ({ value: d, label: t(`opening.dayPart.${d}`) }))} {...fe('dayParts')} />
      <ChoiceGroup multiple legend={t('candidate.supportNeeds')} name="supportNeeds" values={s.supportNeeds} onChange={(v) => set('supportNeeds', v)}
        description={t('candidate.supportHelp')} options={supportOptions.map((x) => ({ value: x, label: t(`opening.supports.${x}`) }))} {...fe('supportNeeds')} />
      <ChoiceGroup multiple legend={t('candidate.flags')} name="flags" values={s.flags} onChange={(v) => set('flags', v)}
        options={['doelgroepregister', 'praktijkroute', 'lksIndicatie'].map((x) => ({ value: x, label: t(`candidate.flag.${x}`) }))} />
    </>
  );
}

/** licenceError puts the server's licenceDisagrees (named on skills) on the Rijbewijs B checkbox as well. */
function licenceError(fe: (...names: string[]) => { error?: string; message?: string }) {
  const e = fe('skills', 'profile.skills');
  return e.error === 'licenceDisagrees' ? e : {};
}

function IdentityFields({ id, set, fe }: { id: Identity; set: (v: Identity) => void; fe: (...n: string[]) => { error?: string; message?: string } }) {
  const { t } = useTranslation();
  const place = usePostcode(id.postcode ?? '');
  return (
    <>
      <Field label={t('candidate.name')} name="name" required value={id.name} onChange={(v) => set({ ...id, name: v })} autoComplete="off" {...fe('identity.name', 'name')} />
      <Field label={t('candidate.email')} name="email" type="email" value={id.email ?? ''} onChange={(v) => set({ ...id, email: v })} autoComplete="off"
        description={t('candidate.emailHelp')} {...fe('identity.email', 'email')} />
      <Field label={t('candidate.phone')} name="phone" value={id.phone ?? ''} onChange={(v) => set({ ...id, phone: v })} autoComplete="off" {...fe('identity.phone', 'phone')} />
      <Field label={t('candidate.street')} name="street" value={id.street ?? ''} onChange={(v) => set({ ...id, street: v })} autoComplete="off" {...fe('identity.street', 'street')} />
      <Field label={t('admin.postcode')} name="postcode" value={id.postcode ?? ''} onChange={(v) => set({ ...id, postcode: v })} autoComplete="off" {...fe('identity.postcode', 'postcode')}
        after={<p className="wh-place" aria-live="polite">{place.data ? t('opening.placeIs', { place: place.data.place }) : place.isError ? t('opening.placeUnknown') : ''}</p>} />
      <Choice label={t('candidate.mailLanguage')} name="language" value={id.language ?? 'nl'} onChange={(v) => set({ ...id, language: v as 'nl' | 'en' })}
        options={[{ value: 'nl', label: 'Nederlands' }, { value: 'en', label: 'English' }]} />
    </>
  );
}

export { IdentityFields };

/** NewCandidate registers a candidate: personal data and profile. */
export function NewCandidate() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCandidate();
  const [identity, setIdentity] = useState<Identity>({ name: '', email: '', phone: '', street: '', postcode: '', place: '', language: 'nl' });
  const [s, setS] = useState<ProfileState>(emptyProfile);
  const set = <K extends keyof ProfileState>(k: K, v: ProfileState[K]) => setS((x) => ({ ...x, [k]: v }));
  const { err, fe } = useFieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ identity, profile: toProfile(s) }, { onSuccess: (c) => navigate(`/kandidaten/${c.id}`) });
  };
  return (
    <>
      <PageTitle>{t('candidate.newTitle')}</PageTitle>
      <Paragraph>{t('candidate.newIntro')}</Paragraph>
      {err && <Notice type="error">{err.invalidParams.length ? t('opening.fixFields', { count: err.invalidParams.length }) : err.message}</Notice>}
      <form onSubmit={submit} noValidate className="wh-form wh-form--wide">
        <fieldset className="wh-fieldset">
          <legend>{t('candidate.personal')}</legend>
          <IdentityFields id={identity} set={setIdentity} fe={fe} />
        </fieldset>
        <fieldset className="wh-fieldset">
          <legend>{t('candidate.profile')}</legend>
          <ProfileFields s={s} set={set} fe={fe} withStatus={false} />
        </fieldset>
        <Button type="submit" disabled={create.isPending}>
          {t('candidate.register')}
        </Button>
      </form>
    </>
  );
}

/** EditProfile edits a registered candidate's profile and status. */
export function EditProfile({ c, onDone }: { c: Candidate; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateProfile(c.id);
  const [s, setS] = useState<ProfileState>(() => fromCandidate(c));
  const set = <K extends keyof ProfileState>(k: K, v: ProfileState[K]) => setS((x) => ({ ...x, [k]: v }));
  const { err, fe } = useFieldErrors(update.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ ...toProfile(s), status: s.status }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate className="wh-form wh-form--wide">
      {err && <Notice type="error">{err.invalidParams.length ? t('opening.fixFields', { count: err.invalidParams.length }) : err.message}</Notice>}
      <ProfileFields s={s} set={set} fe={fe} withStatus />
      <div className="wh-actions">
        <Button type="submit" disabled={update.isPending}>
          {t('opening.save')}
        </Button>
        <Button secondary onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
