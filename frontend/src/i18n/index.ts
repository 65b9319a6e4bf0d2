import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
// Only the texts of the shell and the sign-in page come with the first script (the keys listed in
// core-keys.json, picked at build time by vite.config.ts); a page brings the text groups its code
// names (addTexts; the build makes them per page) or, in development and tests, the whole language
// (loadLanguage).
import nlCore from './nl.json?core';
import coreKeys from './core-keys.json';

export type Language = 'nl' | 'en';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('werkhaven.lang') : null;

void i18n.use(initReactI18next).init({
  // Dutch, the default, comes with the first script; English users wait for their core texts (ready).
  resources: { nl: { translation: nlCore } },
  lng: stored === 'en' ? 'en' : 'nl',
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  // A key missing from the texts loaded so far (a page's texts are picked by a scan of its code, which
  // can miss a key made at run time) brings the whole language, and the page shows the text once in.
  saveMissing: true,
  missingKeyHandler: (_lngs, _ns, key) => {
    // A key of a group that is in whole is simply not there (a kind a region added: its default shows).
    if (complete.has(current()) || whole[current()].has(key.split('.')[0])) return;
    console.warn(`texts: ${key} is not among the page's texts; loading all texts of the language`);
    void loadLanguage();
  },
  // Texts added later (a page's, the whole language) show at once where they are used.
  react: { bindI18nStore: 'added' },
  // No advertisement in the users' browser console.
  showSupportNotice: false,
});

/**
 * rememberForServer tells the server the interface language (the werkhaven_lang cookie, a preference
 * and no personal data), so index.html names that language's texts to fetch beside the first script
 * (backend/internal/platform/httpapi/static.go).
 */
function rememberForServer(lang: Language) {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `werkhaven_lang=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}

if (typeof document !== 'undefined') {
  document.documentElement.lang = i18n.language;
  if (stored === 'en' || stored === 'nl') rememberForServer(stored);
}

/** ready is settled once the interface language's core texts are in: the app renders after it (main.tsx). */
export const ready: Promise<void> =
  stored === 'en'
    ? import('./en.json?core').then(
        (m) => void i18n.addResourceBundle('en', 'translation', m.default, true, false),
        () => undefined, // the texts fall back to Dutch; the page still shows
      )
    : Promise.resolve();

/** PageTexts loads a page's texts in each language (made by the build: vite.config.ts, pageTexts). */
export type PageTexts = Record<Language, () => Promise<{ default: Record<string, unknown> }>>;

const current = (): Language => (i18n.language === 'en' ? 'en' : 'nl');
/** complete holds the languages whose texts are all in; whole the text groups in whole per language. */
const complete = new Set<Language>();
const coreGroups = coreKeys.filter((k) => !k.includes('.'));
const whole: Record<Language, Set<string>> = { nl: new Set(coreGroups), en: new Set(coreGroups) };

/** addTexts adds a page's texts in the interface language (those of another language come with a switch). */
export async function addTexts(texts: PageTexts): Promise<void> {
  const lang = current();
  if (complete.has(lang)) return;
  const m = await texts[lang]();
  for (const group of Object.keys(m.default)) whole[lang].add(group);
  i18n.addResourceBundle(lang, 'translation', m.default, true, false);
}

const full: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  nl: () => import('./nl.json'),
  en: () => import('./en.json'),
};
const loading = new Map<Language, Promise<void>>();

/** loadLanguage adds all of a language's texts (once); pages await it before they render. */
export function loadLanguage(lang: Language = current()): Promise<void> {
  let p = loading.get(lang);
  if (!p) {
    p = full[lang]().then((m) => {
      i18n.addResourceBundle(lang, 'translation', m.default, true, true);
      complete.add(lang);
    });
    loading.set(lang, p);
  }
  return p;
}

/** setLanguage switches the interface language (once its texts are in) and remembers the choice. */
export async function setLanguage(lang: Language) {
  localStorage.setItem('werkhaven.lang', lang);
  rememberForServer(lang);
  await loadLanguage(lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

export default i18n;
