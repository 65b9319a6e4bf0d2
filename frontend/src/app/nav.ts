import type { Role } from '../lib/session';

export type NavItem = { key: string; path: string };

/**
 * navFor is the menu of each role (issue 4): later features fill the pages. An organisation that provides
 * services in the catalogue (the services desk's provider: a booking's providerId, see
 * backend/internal/booking actorOf) gets a menu of its own, opening on its work.
 */
export function navFor(role: Role, opts: { provider?: boolean } = {}): NavItem[] {
  if (opts.provider && (role === 'werkgever' || role === 'zorgaanbieder')) {
    return [
      { key: 'opdrachten', path: '/opdrachten' },
      { key: 'agenda', path: '/agenda' },
      { key: 'uitbetalingen', path: '/uitbetalingen' },
      { key: 'diensten', path: '/diensten' },
      { key: 'berichten', path: '/berichten' },
      { key: 'organisatie', path: '/organisatie' },
    ];
  }
  switch (role) {
    case 'platform':
      // The platform administrator belongs to no region: regions and their first admins, nothing else.
      return [{ key: 'regios', path: '/platform/regios' }];
    case 'werkgever':
    case 'zorgaanbieder':
      return [
        { key: 'vacatures', path: '/vacatures' },
        { key: 'opvolging', path: '/opvolging' },
        { key: 'diensten', path: '/diensten' },
        { key: 'boekingen', path: '/boekingen' },
        { key: 'subsidies', path: '/subsidies' },
        { key: 'loonkostensubsidie', path: '/loonkostensubsidie' },
        { key: 'resultaten', path: '/resultaten' },
        { key: 'berichten', path: '/berichten' },
        { key: 'organisatie', path: '/organisatie' },
      ];
    case 'accountmanager':
      return [
        { key: 'portefeuille', path: '/portefeuille' },
        { key: 'berichten', path: '/berichten' },
        { key: 'aanmeldingen', path: '/aanmeldingen' },
        { key: 'alleVacatures', path: '/vacatures' },
        { key: 'opvolging', path: '/opvolging' },
        { key: 'diensten', path: '/diensten' },
        { key: 'alleBoekingen', path: '/boekingen' },
        { key: 'subsidies', path: '/subsidies' },
        { key: 'lksBesluiten', path: '/loonkostensubsidie' },
        { key: 'verwanteBeroepen', path: '/verwante-beroepen' },
        { key: 'cijfers', path: '/cijfers' },
      ];
    case 'klantmanager':
      return [
        { key: 'caseload', path: '/caseload' },
        { key: 'subsidies', path: '/subsidies' },
      ];
    case 'kandidaat':
      return [
        { key: 'uitnodigingen', path: '/mijn-uitnodigingen' },
        { key: 'gegevens', path: '/mijn-gegevens' },
      ];
    case 'admin':
      return [
        { key: 'gebruikers', path: '/beheer/gebruikers' },
        { key: 'organisaties', path: '/beheer/organisaties' },
        { key: 'regios', path: '/beheer/regios' },
        { key: 'dienstenBeheer', path: '/beheer/diensten' },
        { key: 'subsidiesBeheer', path: '/beheer/subsidies' },
        { key: 'lksBesluiten', path: '/loonkostensubsidie' },
        { key: 'verwanteBeroepen', path: '/verwante-beroepen' },
        { key: 'cijfers', path: '/cijfers' },
        { key: 'audit', path: '/beheer/audit' },
      ];
  }
}
