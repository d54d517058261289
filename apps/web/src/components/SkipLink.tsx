import { useTranslation } from 'react-i18next';

/**
 * First focusable element of every screen: jumps over the header and navigation (WCAG 2.4.1).
 * The target `<main id="main" tabIndex={-1}>` receives focus when the fragment is followed.
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('a11y.skipToContent')}
    </a>
  );
}
