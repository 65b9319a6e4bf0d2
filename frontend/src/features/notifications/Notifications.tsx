import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, ChoiceGroup, DataState, Heading, Notice, PageTitle, Paragraph } from '../../components/ui';
import { useSession } from '../../lib/session';
import { useMarkRead, useNotifications, useNotificationSettings, useSaveNotificationSettings, type NotificationSetting } from './api';
import { kindsFor } from './kinds';
import { formatDateTime } from '../../lib/format';

/** Notifications is every role's list of what happened, with mail settings per kind. */
export function Notifications() {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const list = useNotifications();
  const read = useMarkRead();
  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;
  return (
    <>
      <PageTitle>{t('notifications.title')}</PageTitle>
      <DataState isLoading={list.isLoading} error={list.error}>
        <p className="wh-count" role="status">
          {t('notifications.unread', { count: unread })}
        </p>
        {unread > 0 && (
          <div className="wh-actions">
            <Button secondary onClick={() => read.mutate([])} disabled={read.isPending}>
              {t('notifications.allRead')}
            </Button>
          </div>
        )}
        {items.length === 0 ? (
          <Paragraph>{t('notifications.none')}</Paragraph>
        ) : (
          <ul className="wh-notifications">
            {items.map((n) => (
              <li key={n.id} className={n.read ? 'wh-notification' : 'wh-notification wh-notification--unread'}>
                <div>
                  {!n.read && <span className="wh-tag">{t('notifications.new')} </span>}
                  {n.link ? (
                    <Link to={n.link} onClick={() => !n.read && read.mutate([n.id])}>
                      {en ? n.titleEn : n.titleNl}
                    </Link>
                  ) : (
                    <span>{en ? n.titleEn : n.titleNl}</span>
                  )}
                  <div className="wh-small">{formatDateTime(n.createdAt, i18n.language)}</div>
                </div>
                {!n.read && (
                  <Button secondary onClick={() => read.mutate([n.id])} disabled={read.isPending}>
                    {t('notifications.markRead')}
                    <span className="wh-visually-hidden">: {en ? n.titleEn : n.titleNl}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </DataState>
      <MailSettings />
    </>
  );
}

function MailSettings() {
  const { t } = useTranslation();
  const role = useSession().data?.user?.role;
  const settings = useNotificationSettings();
  return (
    <section aria-labelledby="mail-settings" className="wh-section">
      <Heading level={2} id="mail-settings">
        {t('notifications.mailTitle')}
      </Heading>
      <DataState isLoading={settings.isLoading} error={settings.error}>
        {settings.data && <SettingsForm initial={settings.data} kinds={kindsFor(role)} />}
      </DataState>
    </section>
  );
}

function SettingsForm({ initial, kinds }: { initial: NotificationSetting[]; kinds: NotificationSetting['kind'][] }) {
  const { t } = useTranslation();
  const save = useSaveNotificationSettings();
  const [mail, setMail] = useState<string[]>(initial.filter((s) => s.mail).map((s) => s.kind));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(kinds.map((kind) => ({ kind, mail: mail.includes(kind) })));
  };
  return (
    <form onSubmit={submit} noValidate className="wh-form wh-form--wide">
      {save.isSuccess && <Notice type="ok">{t('notifications.saved')}</Notice>}
      {save.isError && <Notice type="error">{t('common.error')}</Notice>}
      <div className="wh-checkboxes--column">
        <ChoiceGroup multiple legend={t('notifications.mailLegend')} description={t('notifications.mailHelp')} name="mail" values={mail} onChange={setMail}
          options={kinds.map((k) => ({ value: k, label: t(`notifications.kinds.${k}`) }))} />
      </div>
      <Button type="submit" disabled={save.isPending}>
        {t('notifications.saveSettings')}
      </Button>
    </form>
  );
}
