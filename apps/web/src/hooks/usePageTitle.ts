import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each screen names itself in the browser tab and to assistive technology (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = `${title} · ${app}`;
  }, [title, app]);
}
