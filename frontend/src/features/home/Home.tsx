import { useTranslation } from 'react-i18next';
import { PageTitle, Paragraph } from '../../components/ui';
import { useSession } from '../../lib/session';

export function Home() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  if (!user) return null;
  return (
    <>
      <PageTitle>{t('home.title', { name: user.displayName })}</PageTitle>
      <Paragraph>{t('home.intro', { role: t(`roles.${user.role}`) })}</Paragraph>
    </>
  );
}
