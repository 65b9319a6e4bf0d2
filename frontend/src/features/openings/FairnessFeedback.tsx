import { useTranslation } from 'react-i18next';
import { Paragraph } from '../../components/ui';
import type { FairnessHit } from './api';

/**
 * FairnessFeedback lists what the fairness check found, with the reason per phrase; staff (who
 * may publish with a reason) are addressed as such, not told to ask their accountmanager.
 */
export function FairnessFeedback({ hits, staff = false }: { hits: FairnessHit[]; staff?: boolean }) {
  const { t, i18n } = useTranslation();
  if (hits.length === 0) return null;
  return (
    <div className="wh-fairness" role="status">
      <Paragraph>
        <strong>{t(staff ? 'opening.fairnessTitleStaff' : 'opening.fairnessTitle')}</strong>
      </Paragraph>
      <ul>
        {hits.map((h, i) => (
          <li key={`${h.field}-${h.start}-${i}`}>
            <mark>“{h.match}”</mark> {t(`opening.in.${h.field}`)}: {i18n.language.startsWith('en') ? h.reasonEn : h.reasonNl}
          </li>
        ))}
      </ul>
    </div>
  );
}
