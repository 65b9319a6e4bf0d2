import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle, Paragraph } from '../components/ui';

/** NotFound is the page of a path the app does not know; the server answers it with 404. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('notFound.home')}</Link>
      </Paragraph>
    </>
  );
}
