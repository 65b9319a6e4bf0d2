// Dutch texts (the default language). The front-end issue replaces this with
// a full i18n set-up with English as the second language.
export const nl = {
  title: 'Werkhaven',
  intro:
    'Werkhaven helpt de werkgeversdienstverlening van gemeenten. Elke vacature krijgt meteen een anonieme pool van passende kandidaten, met de redenen waarom zij passen. Werkgevers nodigen kandidaten uit; de kandidaat beslist zelf. Het dienstenloket regelt jobcoaching, proefplaatsingen, loonkostensubsidie en scholing.',
  statusChecking: 'Systeemstatus wordt opgehaald…',
  statusOk: 'Systeemstatus: alles werkt',
  statusDown: (parts: string) => `Systeemstatus: verstoring (${parts})`,
  statusUnknown: 'Systeemstatus: onbekend (de server antwoordt niet)',
  apiDocs: 'API-documentatie',
  comingSoon: 'Inloggen voor werkgevers, medewerkers en kandidaten volgt binnenkort.',
};
