import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
// Only the texts of the shell and the sign-in page come with the first script (the keys listed in
// core-keys.json, picked at build time by vite.config.ts); the rest of a language loads with the
// first page that needs it (loadLanguage, called by the app's lazy pages).
import nlCore from './nl.json?core';
import enCore from './en.json?core';

export type Language = 'nl' | 'en';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('werkhaven.lang') : null;

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nlCore }, en: { translation: enCore } },
  lng: stored === 'en' ? 'en' : 'nl',
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  // No advertisement in the users' browser console.
  showSupportNotice: false,
});

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

const full: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  nl: () => import('./nl.json'),
  en: () => import('./en.json'),
};
const loading = new Map<Language, Promise<void>>();

/** loadLanguage adds all of a language's texts (once); pages await it before they render. */
export function loadLanguage(lang: Language = i18n.language === 'en' ? 'en' : 'nl'): Promise<void> {
  let p = loading.get(lang);
  if (!p) {
    p = full[lang]().then((m) => {
      i18n.addResourceBundle(lang, 'translation', m.default, true, true);
    });
    loading.set(lang, p);
  }
  return p;
}

/** setLanguage switches the interface language (once its texts are in) and remembers the choice. */
export async function setLanguage(lang: Language) {
  localStorage.setItem('werkhaven.lang', lang);
  await loadLanguage(lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

export default i18n;
