import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Choice, DataState, Field, Heading, Notice, PageTitle, Paragraph } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useCreateRegion, useInviteRegionAdmin, useRegions } from './api';
import { RegionsTable } from './RegionsTable';

/** slugOf suggests a region's code from its name: lower case, words joined by hyphens. */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

/**
 * PlatformRegions is the platform administrator's only page (backend/internal/identity/platform.go): every region
 * with whether its first admin was invited or signed up, a form to add a region and one to invite a region's first
 * admin. Once a region has an active admin, it invites its own users.
 */
export function PlatformRegions() {
  const { t } = useTranslation();
  const regions = useRegions();
  const create = useCreateRegion();
  const invite = useInviteRegionAdmin();
  const [region, setRegion] = useState({ name: '', slug: '', slugEdited: false });
  const [admin, setAdmin] = useState({ regionId: '', displayName: '', email: '' });
  const createErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const inviteErrors = invite.error instanceof ApiError ? invite.error.fieldErrors() : {};
  const open = (regions.data ?? []).filter((r) => r.adminStatus !== 'active');
  const regionId = admin.regionId || open[0]?.id || '';

  const submitRegion = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: region.name, slug: region.slug },
      {
        onSuccess: (r) => {
          setRegion({ name: '', slug: '', slugEdited: false });
          setAdmin({ ...admin, regionId: r.id });
        },
      },
    );
  };
  const submitAdmin = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate({ regionId, displayName: admin.displayName, email: admin.email }, { onSuccess: () => setAdmin({ regionId: '', displayName: '', email: '' }) });
  };

  return (
    <>
      <PageTitle>{t('platform.title')}</PageTitle>
      <Paragraph>{t('platform.intro')}</Paragraph>
      <DataState isLoading={regions.isLoading} error={regions.error}>
        <RegionsTable regions={regions.data ?? []} withAdminStatus />
      </DataState>

      <Heading level={2}>{t('platform.createTitle')}</Heading>
      {create.isSuccess && <Notice type="ok">{t('platform.created', { name: create.data.name })}</Notice>}
      {create.error && !(create.error instanceof ApiError && create.error.status === 400) && <Notice type="error">{t('common.error')}</Notice>}
      <form onSubmit={submitRegion} noValidate className="wh-form">
        <Field
          label={t('platform.regionName')}
          name="regionName"
          required
          value={region.name}
          onChange={(name) => setRegion({ ...region, name, slug: region.slugEdited ? region.slug : slugOf(name) })}
          error={createErrors.name}
        />
        <Field
          label={t('platform.regionSlug')}
          description={t('platform.regionSlugHelp')}
          name="regionSlug"
          required
          value={region.slug}
          onChange={(slug) => setRegion({ ...region, slug, slugEdited: true })}
          error={createErrors.slug}
          message={createErrors.slug === 'unique' ? t('platform.slugUnique') : undefined}
        />
        <Button type="submit" disabled={create.isPending}>
          {t('platform.create')}
        </Button>
      </form>

      <Heading level={2}>{t('platform.inviteTitle')}</Heading>
      <Paragraph>{t('platform.inviteIntro')}</Paragraph>
      {invite.isSuccess && <Notice type="ok">{t('admin.invited', { email: invite.data.email })}</Notice>}
      {invite.error instanceof ApiError && invite.error.status === 409 && <Notice type="error">{t('platform.hasAdmin')}</Notice>}
      {invite.error && !(invite.error instanceof ApiError && (invite.error.status === 400 || invite.error.status === 409)) && <Notice type="error">{t('common.error')}</Notice>}
      {open.length === 0 ? (
        <Paragraph>{t('platform.noneOpen')}</Paragraph>
      ) : (
        <form onSubmit={submitAdmin} noValidate className="wh-form">
          <Choice
            label={t('platform.region')}
            name="regionId"
            value={regionId}
            onChange={(id) => setAdmin({ ...admin, regionId: id })}
            options={open.map((r) => ({ value: r.id, label: r.name }))}
          />
          <Field label={t('admin.displayName')} name="adminName" required value={admin.displayName} onChange={(displayName) => setAdmin({ ...admin, displayName })} error={inviteErrors.displayName} />
          <Field
            label={t('auth.email')}
            name="adminEmail"
            type="email"
            required
            value={admin.email} onChange={(email) => setAdmin({ ...admin, email })}
            error={inviteErrors.email}
            message={inviteErrors.email === 'unique' ? t('platform.emailUnique') : undefined}
          />
          <Button type="submit" disabled={invite.isPending}>
            {t('platform.invite')}
          </Button>
        </form>
      )}
    </>
  );
}
