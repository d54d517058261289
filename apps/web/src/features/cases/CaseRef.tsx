import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useCase } from './cases.queries';

/** A case named by its reference and title (the incident knows only its id). */
export function CaseRef({ id, fallback }: { id: string; fallback: string }) {
  const kase = useCase(id);
  return (
    <Anchor component={Link} to={`/cases/${id}`}>
      {kase.data ? `${kase.data.reference} — ${kase.data.title}` : fallback}
    </Anchor>
  );
}
