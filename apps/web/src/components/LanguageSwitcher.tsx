import { LOCALES, type Locale } from '@enlace/shared';
import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api';
import { useSaveLocale, useSession } from '../features/auth/auth.queries';
import { currentLocale, rememberLocale } from '../i18n';
import { CheckIcon, ChevronDownIcon, GlobeIcon } from './Icons';

// Each language is named in itself, whatever the current language.
const LANGUAGE_NAMES: Record<Locale, string> = { es: 'Español', en: 'English', fr: 'Français' };

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { data: session } = useSession();
  const saveLocale = useSaveLocale();
  const current = currentLocale();

  const handleSelect = (locale: Locale) => {
    if (locale === current) return;
    void i18n.changeLanguage(locale);
    rememberLocale(locale);
    if (session?.stage === 'signed_in') {
      // In the language just chosen: the page already speaks it when the answer comes.
      const tChosen = i18n.getFixedT(locale);
      saveLocale.mutate(locale, {
        onError: (error) =>
          // An error stays until dismissed (no time limit to read it, WCAG 2.2.1).
          notifications.show({
            color: 'red',
            autoClose: false,
            withCloseButton: true,
            closeButtonProps: { 'aria-label': tChosen('a11y.closeNotice') },
            title: tChosen('language.saveFailed'),
            message: isApiError(error) ? error.title : tChosen('errors.generic'),
          }),
      });
    }
  };

  return (
    <Menu position="bottom-end" shadow="md" width={180}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<GlobeIcon size={16} />}
          rightSection={<ChevronDownIcon size={14} />}
          aria-label={`${t('language.label')}: ${LANGUAGE_NAMES[current]}`}
        >
          {/* At 390 px the header has no room for the name: the code (ES, EN, FR) stands for it. */}
          <Text span inherit lang={current} visibleFrom="sm">
            {LANGUAGE_NAMES[current]}
          </Text>
          <Text span inherit hiddenFrom="sm">
            {current.toUpperCase()}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LOCALES.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            // Mantine fixes the role to menuitem, so the current language is marked with aria-current.
            aria-current={locale === current ? 'true' : undefined}
            onClick={() => handleSelect(locale)}
            rightSection={locale === current ? <CheckIcon size={14} /> : null}
          >
            {LANGUAGE_NAMES[locale]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
