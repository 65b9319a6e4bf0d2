import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataState, Notice, PageTitle, Paragraph } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { tokenFromHash, useSession } from '../../lib/session';
import { useDecideByLink, useInviteLink } from './api';
import { OfferView } from './Offer';

/**
 * InviteLinkPage is where the kandidaat's mail lands (/uitnodiging-werk#token=…):
 * the same invite page without signing in. The token is read from the
 * fragment and sent in the body only.
 */
export function InviteLinkPage() {
  const { t } = useTranslation();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const session = useSession();
  const offer = useInviteLink(token, session.isSuccess);
  const decide = useDecideByLink(token);
  if (!token) return <LinkProblem text={t('offer.linkIncomplete')} />;
  if (offer.error instanceof ApiError && [400, 404, 409, 410].includes(offer.error.status)) {
    const e = offer.error;
    return <LinkProblem text={e.status === 410 ? t('offer.linkUsed') : e.status === 409 ? t('offer.expired') : t('offer.linkUnknown')} />;
  }
  return (
    <DataState isLoading={session.isLoading || offer.isLoading} error={session.error ?? offer.error}>
      {offer.data && (
        <OfferView
          offer={offer.data}
          decide={(d) => decide.mutate(d)}
          deciding={decide.isPending}
          decideError={decide.error}
          afterYes={
            <Paragraph>
              {t('offer.stopLater')} <Link to="/inloglink">{t('offer.signInLink')}</Link>
            </Paragraph>
          }
        />
      )}
    </DataState>
  );
}

function LinkProblem({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('offer.linkTitle')}</PageTitle>
      <Notice type="warning">{text}</Notice>
      <Paragraph>
        {t('offer.linkHelp')} <Link to="/inloglink">{t('offer.signInLink')}</Link>
      </Paragraph>
    </>
  );
}
