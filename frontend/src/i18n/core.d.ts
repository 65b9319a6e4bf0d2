// A language file's first-script part (vite.config.ts, i18nCore).
declare module '*.json?core' {
  const texts: Record<string, unknown>;
  export default texts;
}
