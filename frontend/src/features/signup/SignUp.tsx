import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/error';
import { tokenFromHash, useSession } from '../../lib/session';
import { Button, Choice, DataState, Field, Heading, Notice, PageTitle, Paragraph, ChoiceGroup } from '../../components/ui';
import { useConfirmRegistration, useRegionContacts, useRegister, type Registration } from './api';

const sizes = ['1-9', '10-49', '50-249', '250+'] as const;

const empty: Registration = {
  kind: 'werkgever',
  name: '',
  kvkNummer: '',
  vestigingsnummer: '',
  postcode: '',
  houseNumber: '',
  sector: '',
  size: '1-9',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

/** RegionContacts lists the regions and how to reach them, for a postcode no region serves. */
function RegionContacts() {
  const { t } = useTranslation();
  const regions = useRegionContacts(true);
  return (
    <DataState isLoading={regions.isLoading} error={regions.error}>
      <ul className="wh-region-contacts">
        {regions.data?.map((r) => (
          <li key={r.name}>
            <strong>{r.name}</strong>
            {r.contactEmail && (
              <>
                {' · '}
                <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a>
              </>
            )}
            {r.contactPhone && (
              <>
                {' · '}
                <a href={`tel:${r.contactPhone.replace(/[^0-9+]/g, '')}`}>{r.contactPhone}</a>
              </>
            )}
          </li>
        ))}
      </ul>
      {regions.data?.length === 0 && <Paragraph>{t('signup.noRegions')}</Paragraph>}
    </DataState>
  );
}

/** SignUp is the public page where a werkgever or zorgaanbieder signs up its organisation. */
export function SignUp() {
  const { t } = useTranslation();
  const [form, setForm] = useState<Registration>(empty);
  const register = useRegister();
  const err = register.error instanceof ApiError ? register.error : undefined;
  const fields = err?.fieldErrors() ?? {};
  const reasons = err?.fieldMessages() ?? {};
  const notServed = fields.postcode === 'notServed';
  const set = (k: keyof Registration) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...form };
    if (!body.vestigingsnummer) delete body.vestigingsnummer;
    register.mutate(body);
  };
  const nFields = Object.keys(fields).length;
  return (
    <>
      <PageTitle>{t('signup.title')}</PageTitle>
      <Paragraph>{t('signup.intro')}</Paragraph>
      {register.isSuccess ? (
        <Notice type="ok">{t('signup.sent', { email: form.contactEmail })}</Notice>
      ) : (
        <form onSubmit={submit} noValidate className="wh-form">
          {err?.status === 429 && <Notice type="error">{t('auth.tooMany', { minutes: Math.ceil((err.retryAfter ?? 3600) / 60) })}</Notice>}
          {register.error && err?.status !== 400 && err?.status !== 429 && <Notice type="error">{t('common.error')}</Notice>}
          {err?.status === 400 && !notServed && nFields > 0 && <Notice type="error">{t('signup.fixFields', { count: nFields })}</Notice>}
          {notServed && (
            <>
              <Notice type="warning">{reasons.postcode}</Notice>
              <RegionContacts />
            </>
          )}
          <Heading level={2}>{t('signup.organisation')}</Heading>
          <ChoiceGroup
            legend={t('signup.kind')}
            name="kind"
            value={form.kind}
            onChange={(v) => set('kind')(v)}
            options={[
              { value: 'werkgever', label: t('signup.kinds.werkgever') },
              { value: 'zorgaanbieder', label: t('signup.kinds.zorgaanbieder') },
            ]}
            error={fields.kind}
          />
          <Field label={t('signup.name')} name="name" autoComplete="organization" required value={form.name} onChange={set('name')} error={fields.name} />
          <Field label={t('signup.kvk')} name="kvkNummer" inputMode="numeric" description={t('signup.kvkHelp')} required value={form.kvkNummer} onChange={set('kvkNummer')} error={fields.kvkNummer} />
          <Field
            label={t('signup.vestiging')}
            name="vestigingsnummer"
            inputMode="numeric"
            description={t('signup.vestigingHelp')}
            value={form.vestigingsnummer ?? ''}
            onChange={set('vestigingsnummer')}
            error={fields.vestigingsnummer}
          />
          <Field
            label={t('signup.postcode')}
            name="postcode"
            autoComplete="postal-code"
            required
            value={form.postcode}
            onChange={set('postcode')}
            error={notServed ? undefined : fields.postcode}
            message={notServed ? undefined : reasons.postcode}
          />
          <Field label={t('signup.houseNumber')} name="houseNumber" required value={form.houseNumber} onChange={set('houseNumber')} error={fields.houseNumber} />
          <Field label={t('signup.sector')} name="sector" description={t('signup.sectorHelp')} required value={form.sector} onChange={set('sector')} error={fields.sector} />
          <Choice
            label={t('signup.size')}
            name="size"
            value={form.size}
            onChange={set('size')}
            options={sizes.map((s) => ({ value: s, label: t('signup.sizeN', { n: s }) }))}
            error={fields.size}
          />
          <Heading level={2}>{t('signup.contact')}</Heading>
          <Field label={t('signup.contactName')} name="contactName" autoComplete="name" required value={form.contactName} onChange={set('contactName')} error={fields.contactName} />
          <Field
            label={t('signup.contactEmail')}
            name="contactEmail"
            type="email"
            autoComplete="email"
            description={t('signup.contactEmailHelp')}
            required
            value={form.contactEmail}
            onChange={set('contactEmail')}
            error={fields.contactEmail}
          />
          <Field label={t('signup.contactPhone')} name="contactPhone" type="tel" autoComplete="tel" required value={form.contactPhone} onChange={set('contactPhone')} error={fields.contactPhone} />
          <Button type="submit" disabled={register.isPending}>
            {t('signup.submit')}
          </Button>
        </form>
      )}
      <Paragraph>
        <Link to="/inloggen" reloadDocument>{t('signup.haveAccount')}</Link>
      </Paragraph>
    </>
  );
}

/** ConfirmSignUp confirms the contact's e-mail address with the token from the mail. */
export function ConfirmSignUp() {
  const { t } = useTranslation();
  const token = tokenFromHash(useLocation().hash);
  const confirm = useConfirmRegistration();
  // The session answer brings the CSRF token the confirmation needs (on a
  // fresh browser two concurrent first requests would get two anonymous cookies).
  const session = useSession();
  const ready = !!session.data;
  const started = useRef(false);
  useEffect(() => {
    if (token && ready && !started.current) {
      started.current = true;
      confirm.mutate(token);
    }
  }, [token, ready, confirm]);
  return (
    <>
      <PageTitle>{t('signup.confirmTitle')}</PageTitle>
      {!token && <Notice type="warning">{t('auth.noToken')}</Notice>}
      {token && !confirm.isSuccess && !confirm.isError && <Paragraph role="status">{t('signup.confirming')}</Paragraph>}
      {confirm.isSuccess && <Notice type="ok">{t('signup.confirmed')}</Notice>}
      {confirm.isError && (
        <>
          <Notice type="error">{confirm.error instanceof ApiError && confirm.error.status === 410 ? t('signup.linkGone') : t('common.error')}</Notice>
          <Paragraph>
            <Link to="/aanmelden">{t('signup.again')}</Link>
          </Paragraph>
        </>
      )}
    </>
  );
}
