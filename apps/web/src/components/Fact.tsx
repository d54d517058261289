import type { ReactNode } from 'react';

/** One term and its value in a `<dl className="definition-list">`: the facts of a record. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
