import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from './nl.json';
import en from './en.json';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('werkhaven.lang') : null;

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'nl',
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
});

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/** setLanguage switches the interface language and remembers the choice. */
export function setLanguage(lang: 'nl' | 'en') {
  localStorage.setItem('werkhaven.lang', lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
