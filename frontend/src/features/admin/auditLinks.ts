/**
 * auditSubjectHref is the page of an audit event's subject, where the admin has one; undefined
 * for kinds without a page of their own (a region, a placement, a sign-up).
 */
export function auditSubjectHref(type?: string, id?: string): string | undefined {
  if (!type || !id) return undefined;
  const pages: Record<string, string> = {
    candidate: `/kandidaten/${id}`,
    opening: `/vacatures/${id}`,
    organisation: `/organisaties/${id}`,
    booking: `/boekingen/${id}`,
    invite: `/uitnodigingen/${id}`,
    lks_application: `/loonkostensubsidie/${id}`,
    service: `/beheer/diensten/${id}`,
    subsidy_parameter: '/beheer/subsidies',
    user: '/beheer/gebruikers',
  };
  return pages[type];
}

/** auditSubjectText names a subject in words: its kind and, where known, its name. */
export function auditSubjectText(typeLabel?: string, name?: string): string {
  if (!typeLabel) return '—';
  return name ? `${typeLabel}: ${name}` : typeLabel;
}
