import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, auditLabel } from './audit';
import { AUDIT_OUTCOMES } from './dto/admin';
import { LOCALES } from './enums';

describe('audit labels', () => {
  it('name every action, object type and outcome in Spanish, English and French', () => {
    const missing: string[] = [];
    for (const locale of LOCALES) {
      for (const code of AUDIT_ACTIONS)
        if (!auditLabel(locale, 'actions', code)) missing.push(`${locale}: ${code}`);
      for (const code of AUDIT_OBJECT_TYPES)
        if (!auditLabel(locale, 'objects', code)) missing.push(`${locale}: object ${code}`);
      for (const code of AUDIT_OUTCOMES)
        if (!auditLabel(locale, 'outcomes', code)) missing.push(`${locale}: outcome ${code}`);
    }
    expect(missing).toEqual([]);
  });

  it('answers null for a code it does not know', () => {
    expect(auditLabel('en', 'actions', 'nothing.here')).toBeNull();
    expect(auditLabel('en', 'actions', 'incident')).toBeNull();
    expect(auditLabel('fr', 'actions', 'case.shared')).toBe('Affaire partagée avec un autre pays');
  });
});
