import { languages, useI18n, type Language } from '../i18n/i18n';

const names: Record<Language, string> = { 'pt-BR': 'Português (BR)', en: 'English' };

/** The language choice, remembered in localStorage. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <label className="language-switch">
      <span className="sr-only">{t('app.language')}</span>
      <select
        aria-label={t('app.language')}
        value={language}
        onChange={(event) => setLanguage(event.target.value as Language)}
      >
        {languages.map((option) => (
          <option key={option} value={option}>
            {names[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
