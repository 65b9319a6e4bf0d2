// Vocabularies an opening and a candidate profile share: working days, parts of
// the day and the support a workplace offers or a candidate needs.

export const supportOptions = [
  'jobcoach',
  'aangepaste-werkplek',
  'rustige-werkplek',
  'vaste-structuur',
  'flexibele-uren',
  'vaste-begeleider',
  'opbouw-uren',
  'eenvoudige-instructies',
] as const;
export const dayOptions = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export const dayPartOptions = ['ochtend', 'middag', 'avond', 'nacht'] as const;
