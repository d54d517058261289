import { Button, Group } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../features/auth/auth.queries';
import { type SectionGroup, sectionsFor } from '../navigation';

/** The screens of a capability as a row of links; the current one is marked for assistive technology. */
export function SectionNav({ group }: { group: SectionGroup }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const sections = sectionsFor(me.role, group);
  // The longest matching path wins: /incidents/import is the import screen, not the list.
  const current = [...sections]
    .sort((a, b) => b.path.length - a.path.length)
    .find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`));
  const currentKey = current?.key;
  const list = useRef<HTMLDivElement>(null);
  // On a phone the row scrolls sideways (styles.css): the current section is brought into it.
  useEffect(() => {
    const row = list.current;
    const active = currentKey ? row?.querySelector<HTMLElement>(`[data-section="${currentKey}"]`) : null;
    if (!row || !active || row.scrollWidth <= row.clientWidth) return;
    const at = active.getBoundingClientRect();
    row.scrollLeft += at.left - row.getBoundingClientRect().left - (row.clientWidth - at.width) / 2;
  }, [currentKey]);
  if (sections.length < 2) return null;
  return (
    <nav aria-label={t(`sectionNav.${group}`)}>
      <Group gap="xs" component="ul" className="nav-list section-nav" ref={list}>
        {sections.map((s) => {
          const active = current?.key === s.key;
          return (
            <li key={s.key} data-section={s.key}>
              <Button
                component={Link}
                to={s.path}
                size="sm"
                variant={active ? 'filled' : 'default'}
                aria-current={active ? 'page' : undefined}
              >
                {t(`sections.${s.key}`)}
              </Button>
            </li>
          );
        })}
      </Group>
    </nav>
  );
}
