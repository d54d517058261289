import { NavLink, ScrollArea, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../features/auth/auth.queries';
import { adminPagesFor, capabilitiesFor, capabilityPath, capabilityPaths } from '../navigation';

function NavGroupLabel({ id, children }: { id: string; children: string }) {
  return (
    <Text id={id} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mt="lg" mb={6}>
      {children}
    </Text>
  );
}

/** Role-aware navigation: a capability appears only when the role holds its permission. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const capabilitiesLabel = useId();
  const adminLabel = useId();
  const accountLabel = useId();
  const capabilities = capabilitiesFor(me.role);
  const adminPages = adminPagesFor(me.role);

  const link = (to: string, label: string, exact = false, under: string[] = [to]) => {
    const active = exact
      ? pathname === to
      : under.some((p) => pathname === p || pathname.startsWith(`${p}/`));
    return (
      <li key={to}>
        <NavLink
          component={Link}
          to={to}
          label={label}
          active={active}
          aria-current={active ? 'page' : undefined}
          onClick={onNavigate}
        />
      </li>
    );
  };

  return (
    <ScrollArea type="auto" style={{ flex: 1 }}>
      <ul className="nav-list">{link('/', t('nav.home'), true)}</ul>
      {capabilities.length > 0 && (
        <>
          <NavGroupLabel id={capabilitiesLabel}>{t('nav.capabilities')}</NavGroupLabel>
          <ul className="nav-list" aria-labelledby={capabilitiesLabel}>
            {capabilities.map((c) =>
              link(
                capabilityPath(me.role, c.key, c.path),
                t(`capabilities.${c.key}.title`),
                false,
                capabilityPaths(c.key, c.path),
              ),
            )}
          </ul>
        </>
      )}
      {adminPages.length > 0 && (
        <>
          <NavGroupLabel id={adminLabel}>{t('nav.administration')}</NavGroupLabel>
          <ul className="nav-list" aria-labelledby={adminLabel}>
            {adminPages.map((p) => link(p.path, t(`admin.${p.key}.title`)))}
          </ul>
        </>
      )}
      <NavGroupLabel id={accountLabel}>{t('nav.account')}</NavGroupLabel>
      <ul className="nav-list" aria-labelledby={accountLabel}>
        {link('/profile', t('nav.profile'))}
      </ul>
    </ScrollArea>
  );
}
