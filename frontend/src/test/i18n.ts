// Vitest setup: components render with all texts of both languages, as after loadLanguage.
import { loadLanguage } from '../i18n';

await Promise.all([loadLanguage('nl'), loadLanguage('en')]);
