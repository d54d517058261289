import { randomUUID } from 'node:crypto';
import { type CaseBulkInput, storeGeneratedCases } from '../../modules/cases/cases.service';
import { applyPatch } from '../../modules/incidents/incident-state';
import type { RowMeta } from '../../modules/incidents/incident-row';
import {
  type NewIncident,
  stateOf,
  storeAmendment,
  storeNewIncidents,
} from '../../modules/incidents/incidents.service';
import { findIncident } from '../../modules/incidents/incidents.repository';
import { insertInventoryEntry } from '../../modules/stats/stats.repository';
import type { Ctx } from '../../platform/context';
import { uuidv7 } from '../../platform/ids';
import { generateCase, generateIncidents, prng } from './generator';

export const DEMO_INCIDENTS = 400;
export const DEMO_CASES = 48;

const INVENTORY: {
  country: string;
  name: string;
  owner: string;
  fields: string[];
  frequency: string;
  sharing: string;
  quality: string;
  from: number;
}[] = [
  {
    country: 'MEX',
    name: 'Registro de eventos de migrantes (demo)',
    owner: 'Instituto Nacional de Migración',
    fields: ['fecha', 'lugar', 'nacionalidad', 'sexo', 'edad', 'tipo de evento'],
    frequency: 'monthly',
    sharing: 'shared_national',
    quality: 'good',
    from: 2013,
  },
  {
    country: 'GTM',
    name: 'Sistema de casos del Ministerio Público (demo)',
    owner: 'Fiscalía contra la Trata de Personas',
    fields: ['caso', 'delito', 'etapa', 'sentencia'],
    frequency: 'quarterly',
    sharing: 'not_shared',
    quality: 'fair',
    from: 2016,
  },
  {
    country: 'PAN',
    name: 'Registro de flujo migratorio en Darién (demo)',
    owner: 'Servicio Nacional de Migración',
    fields: ['fecha', 'estación', 'nacionalidad', 'sexo', 'grupo de edad', 'menores no acompañados'],
    frequency: 'daily',
    sharing: 'public',
    quality: 'good',
    from: 2019,
  },
  {
    country: 'DOM',
    name: 'Interdicciones marítimas (demo)',
    owner: 'Armada de República Dominicana',
    fields: ['fecha', 'coordenadas', 'embarcación', 'personas', 'nacionalidad'],
    frequency: 'weekly',
    sharing: 'shared_regional',
    quality: 'fair',
    from: 2015,
  },
  {
    country: 'CRI',
    name: 'Estadísticas judiciales de tráfico ilícito de migrantes (demo)',
    owner: 'Poder Judicial',
    fields: ['expediente', 'delito', 'resultado', 'pena'],
    frequency: 'yearly',
    sharing: 'public',
    quality: 'poor',
    from: 2012,
  },
];

/**
 * Demo incidents (with a few follow-ups), cases and database-inventory entries, generated from
 * a fixed seed, every one marked as demo. Loaded with the demo accounts into a new database.
 */
export async function seedDemoIncidents(ctx: Ctx): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const last =
    now.getUTCMonth() === 0
      ? (now.getUTCFullYear() - 1) * 100 + 12
      : now.getUTCFullYear() * 100 + now.getUTCMonth();
  const first = (Math.floor(last / 100) - 4) * 100 + 1;
  const items: NewIncident[] = [];
  let n = 0;
  for (const g of generateIncidents({
    seed: 2026,
    count: DEMO_INCIDENTS,
    firstMonth: first,
    lastMonth: last,
    narratives: true,
  })) {
    n++;
    const { state } = applyPatch(g.state, {}, g.owner);
    const meta: RowMeta = {
      id: uuidv7(),
      countryCode: g.owner,
      reference: `${g.owner}-${state.occurredOn.replaceAll('-', '')}-D${String(n).padStart(4, '0')}`,
      source: 'enlace',
      externalId: null,
      sourceExtra: null,
      version: 1,
      isDemo: true,
      createdAt: at,
      createdBy: null,
      updatedAt: at,
      updatedBy: null,
    };
    items.push({ state, meta });
  }
  const r = prng(7);
  const today = at.slice(0, 10);
  const byOwner = new Map<string, NewIncident[]>();
  for (const item of items) {
    const list = byOwner.get(item.meta.countryCode) ?? [];
    list.push(item);
    byOwner.set(item.meta.countryCode, list);
  }
  const owners = [...byOwner.keys()].sort();
  const cases: CaseBulkInput[] = [];
  for (let i = 0; i < DEMO_CASES; i++) {
    const owner = owners[i % owners.length] as string;
    const pool = byOwner.get(owner) ?? [];
    const linked = pool.filter(() => r() < 2 / Math.max(2, pool.length)).slice(0, 3);
    const anchor = linked[0] ?? pool[Math.floor(r() * pool.length)];
    const openedOn = anchor?.state.occurredOn ?? today;
    cases.push({
      ...generateCase(r, owner, openedOn, today, i + 1),
      incidentIds: linked.map((x) => x.meta.id),
    });
  }
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await storeNewIncidents(ctx, trx, items);
    await storeGeneratedCases(ctx, trx, cases, { demo: true, at });
    for (const e of INVENTORY) {
      await insertInventoryEntry(trx, {
        id: randomUUID(),
        country_code: e.country,
        name: e.name,
        owner_agency: e.owner,
        description: null,
        coverage: 'national',
        coverage_from: e.from,
        coverage_to: null,
        fields: JSON.stringify(e.fields),
        update_frequency: e.frequency,
        sharing_status: e.sharing,
        quality: e.quality,
        quality_notes: null,
        is_demo: 1,
        created_at: at,
        updated_at: at,
        updated_by: null,
      });
    }
  });
  // A few follow-up reports, so that history has something to show.
  for (const item of items
    .filter((x) => x.state.kind === 'rescue_at_sea' || x.state.kind === 'death_disappearance')
    .slice(0, 8)) {
    const row = await findIncident(ctx.db.kysely, item.meta.id);
    if (!row) continue;
    const current = stateOf(ctx, row);
    const dead = (current.people.dead ?? 0) + 1;
    const missing =
      current.people.missing && current.people.missing > 0
        ? current.people.missing - 1
        : current.people.missing;
    const { state: next } = applyPatch(current, { people: { dead, missing } }, row.country_code);
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await storeAmendment(ctx, trx, row, current, next, {
        kind: 'follow_up',
        note: '(demo) One more person found dead during the search the next day.',
        by: null,
        at,
      });
    });
  }
}
