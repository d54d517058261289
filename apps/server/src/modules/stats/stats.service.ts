import { randomUUID } from 'node:crypto';
import {
  AGE_GROUPS,
  CASE_STAGES,
  type CaseStats,
  type DataInventoryCreateBody,
  type DataInventoryEntry,
  type DataInventoryUpdateBody,
  type ExchangeStats,
  dataInventoryCreateBodySchema,
  DEFENDANT_OUTCOMES,
  type FlowStats,
  INCIDENT_MEASURES,
  type IncidentMeasure,
  type IncidentStats,
  type IncidentStatsRow,
  type MapStats,
  type ModusStats,
  type PeopleStats,
  regionCodesOf,
  SEXES,
  SMALL_CELL_THRESHOLD,
  STATS_DIMENSIONS,
  type StatsDimension,
  type StatsFilterQuery,
} from '@enlace/shared';
import type { Db } from '../../db/dialect';
import { inScope, recordDenial, requirePermission } from '../../platform/authz/access';
import { type Actor, type Ctx, nowIso, withTx } from '../../platform/context';
import { badRequest, forbidden, invalidFields, notFound } from '../../platform/errors';
import { findCountry } from '../admin/admin.repository';
import { exchangeActor } from '../exchange/exchange.service';
import { responseFacts, summariseResponses } from './exchange-times';
import { percentile } from './percentile';
import { GRID_LEVELS, type CountColumn } from './rollups';
import {
  type CellSums,
  countCasesByStage,
  countDefendantsByOutcome,
  type DataInventoryRow,
  deleteInventoryEntry,
  exchangeResponseSources,
  findInventoryEntry,
  incidentPoints,
  insertInventoryEntry,
  judgmentDelays,
  listInventory,
  periodRanges,
  type StatsFilter,
  sumAssets,
  sumFlows,
  FINEST_LEVEL,
  sumGrid,
  sumIncidents,
  sumModus,
  sumPeopleByNationality,
  sumPeopleBySexAge,
  updateInventoryEntry,
} from './stats.repository';
import { cellCentre, coarsenSmallCells, suppressColumn, suppressValue } from './suppression';

const COLUMN_OF: Record<IncidentMeasure, CountColumn> = {
  migrants: 'migrants',
  females: 'females',
  males: 'males',
  children: 'children',
  unaccompaniedChildren: 'unaccompanied_children',
  dead: 'dead',
  missing: 'missing',
  survivors: 'survivors',
  injured: 'injured',
  smugglersApprehended: 'smugglers_apprehended',
};

const monthNumber = (m: string | undefined) =>
  m ? Number(m.slice(0, 4)) * 100 + Number(m.slice(5, 7)) : null;

export function filterOf(q: StatsFilterQuery): StatsFilter {
  const f: StatsFilter = { fromMonth: monthNumber(q.from), toMonth: monthNumber(q.to) };
  if (q.country) f.country = q.country;
  if (q.region) f.regions = regionCodesOf(q.region);
  if (q.source) f.source = q.source;
  if (q.mode) f.mode = q.mode;
  if (q.route) f.route = q.route;
  if (q.nationality) f.nationality = q.nationality;
  return f;
}

function appliedFilters(q: StatsFilterQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['from', 'to', 'country', 'region', 'mode', 'route', 'nationality', 'source'] as const) {
    const v = q[k];
    if (v) out[k] = v;
  }
  return out;
}

/**
 * Statistics are regional: every holder of stats.read sees every country's aggregates. Small
 * cells are suppressed for whoever lacks stats.detail (observers) and for any publication.
 */
async function statsAccess(ctx: Ctx, q: StatsFilterQuery): Promise<{ actor: Actor; suppress: boolean }> {
  const actor = await requirePermission(ctx, 'stats.read');
  return { actor, suppress: q.publication === 'true' || !actor.permissions.has('stats.detail') };
}

export function parseDimensions(by: string): StatsDimension[] {
  const dims = by
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const bad = dims.filter((d) => !(STATS_DIMENSIONS as readonly string[]).includes(d));
  if (bad.length) {
    throw invalidFields([
      {
        path: 'by',
        code: 'unknown_dimension',
        params: { value: bad.join(', '), allowed: STATS_DIMENSIONS.join(', ') },
      },
    ]);
  }
  if (new Set(dims).size !== dims.length || dims.length > 3)
    throw invalidFields([{ path: 'by', code: 'too_many_dimensions' }]);
  return dims as StatsDimension[];
}

function keyOf(
  by: readonly StatsDimension[],
  key: Record<string, string | number>,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const d of by) {
    const v = key[d];
    if (d === 'month') {
      const m = Number(v);
      out[d] = `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}`;
    } else out[d] = v === '' || v === null || v === undefined ? null : String(v);
  }
  return out;
}

/** The incidents table of the dashboard and of `enlace stats incidents`: one function for both. */
export async function computeIncidentStats(
  db: Db,
  q: StatsFilterQuery & { by: string },
  suppress: boolean,
): Promise<IncidentStats> {
  const by = parseDimensions(q.by);
  const sums = await sumIncidents(db.kysely, filterOf(q), by);
  const rows: IncidentStatsRow[] = sums.map((s) => ({
    key: keyOf(by, s.key),
    incidents: s.incidents,
    values: Object.fromEntries(
      INCIDENT_MEASURES.map((m) => [m, s.known[COLUMN_OF[m]] > 0 ? s.values[COLUMN_OF[m]] : null]),
    ) as IncidentStatsRow['values'],
    known: Object.fromEntries(
      INCIDENT_MEASURES.map((m) => [m, s.known[COLUMN_OF[m]]]),
    ) as IncidentStatsRow['known'],
    suppressed: [],
  }));
  const total: IncidentStatsRow = {
    key: {},
    incidents: sums.reduce((a, s) => a + s.incidents, 0),
    values: Object.fromEntries(
      INCIDENT_MEASURES.map((m) => {
        const known = sums.reduce((a, s) => a + s.known[COLUMN_OF[m]], 0);
        return [m, known > 0 ? sums.reduce((a, s) => a + s.values[COLUMN_OF[m]], 0) : null];
      }),
    ) as IncidentStatsRow['values'],
    known: Object.fromEntries(
      INCIDENT_MEASURES.map((m) => [m, sums.reduce((a, s) => a + s.known[COLUMN_OF[m]], 0)]),
    ) as IncidentStatsRow['known'],
    suppressed: [],
  };
  if (suppress) {
    for (const m of INCIDENT_MEASURES) {
      const column = suppressColumn(rows.map((r) => r.values[m]));
      rows.forEach((r, i) => {
        if (column.suppressed[i]) {
          r.values[m] = null;
          r.suppressed.push(m);
        }
      });
      const t = suppressValue(total.values[m]);
      if (t.suppressed) {
        total.values[m] = null;
        total.suppressed.push(m);
      }
    }
  }
  return { filters: appliedFilters(q), suppression: suppress, by, rows, total };
}

export async function incidentStats(ctx: Ctx, q: StatsFilterQuery & { by: string }): Promise<IncidentStats> {
  const { suppress } = await statsAccess(ctx, q);
  return computeIncidentStats(ctx.db, q, suppress);
}

export async function computePeopleStats(
  db: Db,
  q: StatsFilterQuery,
  suppress: boolean,
): Promise<PeopleStats> {
  const f = filterOf(q);
  const [sexAge, nationality] = await Promise.all([
    sumPeopleBySexAge(db.kysely, f),
    sumPeopleByNationality(db.kysely, f),
  ]);
  const total = (pick: (r: { sex: string; ageGroup: string }) => boolean) =>
    sexAge.filter(pick).reduce((a, r) => a + r.persons, 0);
  const column = <T>(items: T[], values: number[]) => {
    const out = suppress ? suppressColumn(values) : { values, suppressed: values.map(() => false) };
    return items.map((item, i) => ({
      ...item,
      persons: out.values[i] ?? null,
      suppressed: out.suppressed[i] ?? false,
    }));
  };
  const detailed = sexAge.reduce((a, r) => a + r.persons, 0);
  const shownTotal = suppress ? suppressValue(detailed) : { value: detailed, suppressed: false };
  return {
    filters: appliedFilters(q),
    suppression: suppress,
    bySex: column(
      SEXES.map((sex) => ({ sex })),
      SEXES.map((sex) => total((r) => r.sex === sex)),
    ),
    byAgeGroup: column(
      AGE_GROUPS.map((ageGroup) => ({ ageGroup })),
      AGE_GROUPS.map((g) => total((r) => r.ageGroup === g)),
    ),
    byNationality: column(
      nationality.map((n) => ({ nationality: n.nationality || null })),
      nationality.map((n) => n.persons),
    ),
    detailed: { persons: shownTotal.value, suppressed: shownTotal.suppressed },
  };
}

export async function peopleStats(ctx: Ctx, q: StatsFilterQuery): Promise<PeopleStats> {
  const { suppress } = await statsAccess(ctx, q);
  return computePeopleStats(ctx.db, q, suppress);
}

export async function computeFlowStats(db: Db, q: StatsFilterQuery, suppress: boolean): Promise<FlowStats> {
  const sums = await sumFlows(db.kysely, filterOf(q));
  const flows = sums.map((s) => ({
    origin: s.origin || null,
    destination: s.destination || null,
    incidents: s.incidents,
    migrants: s.migrantsKnown > 0 ? s.migrants : null,
    dead: s.deadKnown > 0 ? s.dead : null,
    missing: s.missingKnown > 0 ? s.missing : null,
    suppressed: [] as string[],
  }));
  if (suppress) {
    for (const m of ['migrants', 'dead', 'missing'] as const) {
      const column = suppressColumn(flows.map((f) => f[m]));
      flows.forEach((f, i) => {
        if (column.suppressed[i]) {
          f[m] = null;
          f.suppressed.push(m);
        }
      });
    }
  }
  return { filters: appliedFilters(q), suppression: suppress, flows };
}

export async function flowStats(ctx: Ctx, q: StatsFilterQuery): Promise<FlowStats> {
  const { suppress } = await statsAccess(ctx, q);
  return computeFlowStats(ctx.db, q, suppress);
}

/** Modus operandi counts incidents, not persons: nothing to suppress. */
export async function modusStats(ctx: Ctx, q: StatsFilterQuery): Promise<ModusStats> {
  const { suppress } = await statsAccess(ctx, q);
  const f = filterOf(q);
  const [terms, totals] = await Promise.all([sumModus(ctx.db.kysely, f), sumIncidents(ctx.db.kysely, f, [])]);
  return {
    filters: appliedFilters(q),
    suppression: suppress,
    terms,
    incidents: totals.reduce((a, t) => a + t.incidents, 0),
  };
}

/**
 * Cases by stage, outcomes of defendants and the conviction rate, time from detection to
 * judgment, assets. Cases have a period (the month they opened) and an owner country; the other
 * filters do not apply to them and are reported as ignored.
 */
export async function computeCaseStats(db: Db, q: StatsFilterQuery, suppress: boolean): Promise<CaseStats> {
  const f = filterOf(q);
  const [stages, outcomes, delays, assets] = await Promise.all([
    countCasesByStage(db.kysely, f),
    countDefendantsByOutcome(db.kysely, f),
    judgmentDelays(db.kysely, f),
    sumAssets(db.kysely, f),
  ]);
  const persons = DEFENDANT_OUTCOMES.map((o) => outcomes.find((x) => x.outcome === o)?.persons ?? 0);
  const shown = suppress
    ? suppressColumn(persons)
    : { values: persons, suppressed: persons.map(() => false) };
  const at = (o: (typeof DEFENDANT_OUTCOMES)[number]) => DEFENDANT_OUTCOMES.indexOf(o);
  const convicted = persons[at('convicted')] ?? 0;
  const decided = convicted + (persons[at('acquitted')] ?? 0);
  const rateHidden =
    suppress &&
    (decided < SMALL_CELL_THRESHOLD ||
      shown.suppressed[at('convicted')] ||
      shown.suppressed[at('acquitted')]);
  const n = delays.reduce((a, h) => a + h.cases, 0);
  const histogram = delays.map((h) => ({ value: h.days, count: h.cases }));
  return {
    filters: appliedFilters(q),
    suppression: suppress,
    ignoredFilters: (['region', 'mode', 'route', 'nationality', 'source'] as const).filter((k) => q[k]),
    cases: stages.reduce((a, s) => a + s.cases, 0),
    byStage: CASE_STAGES.map((stage) => ({
      stage,
      cases: stages.find((s) => s.stage === stage)?.cases ?? 0,
    })),
    defendants: {
      convicted: shown.values[at('convicted')] ?? null,
      acquitted: shown.values[at('acquitted')] ?? null,
      dismissed: shown.values[at('dismissed')] ?? null,
      pending: shown.values[at('pending')] ?? null,
      suppressed: DEFENDANT_OUTCOMES.filter((_, i) => shown.suppressed[i]),
    },
    convictionRate: decided > 0 && !rateHidden ? Math.round((convicted / decided) * 1000) / 1000 : null,
    timeToJudgment: {
      cases: n,
      medianDays: percentile(histogram, 0.5),
      meanDays: n ? Math.round(delays.reduce((a, h) => a + h.days * h.cases, 0) / n) : null,
      p90Days: percentile(histogram, 0.9),
    },
    assets: assets.map((a) => ({
      status: a.status as CaseStats['assets'][number]['status'],
      currency: a.currency,
      items: a.items,
      value: a.valueMinor / 100,
    })),
  };
}

export async function caseStats(ctx: Ctx, q: StatsFilterQuery): Promise<CaseStats> {
  const { suppress } = await statsAccess(ctx, q);
  return computeCaseStats(ctx.db, q, suppress);
}

/** The first instant of a month (YYYY-MM), or of the month after it. */
function monthStart(month: string, next = false): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + (next ? 1 : 0), 1)).toISOString();
}

/**
 * Response times of the exchange, per responding country and priority, over the threads the
 * reader's country takes part in (it opened them or a current participant names it; the
 * prosecutors' channel for prosecutors only). Who may see them: holders of stats.read who take
 * part in the exchange themselves (exchange.use and, for liaisons and prosecutors, a current
 * Foreign Affairs authorisation): the same gate as the threads, so an administrator or an observer
 * learns nothing about threads. Only the period (months of the threads' creation) applies.
 */
export async function exchangeStats(ctx: Ctx, q: StatsFilterQuery): Promise<ExchangeStats> {
  await requirePermission(ctx, 'stats.read');
  const actor = await exchangeActor(ctx);
  const sources = await exchangeResponseSources(ctx.db.kysely, {
    country: actor.countryCode,
    prosecutors: actor.role === 'prosecutor',
    from: q.from ? monthStart(q.from) : null,
    until: q.to ? monthStart(q.to, true) : null,
  });
  const { rows, totals } = summariseResponses(responseFacts(sources), ctx.clock.now());
  return {
    filters: Object.fromEntries((['from', 'to'] as const).flatMap((k) => (q[k] ? [[k, q[k]]] : []))),
    ignoredFilters: (['country', 'region', 'mode', 'route', 'nationality', 'source'] as const).filter(
      (k) => q[k],
    ),
    rows,
    totals,
  };
}

/** The grid for a zoom level (Leaflet): cells of 5°, 1° or 0.2°; beyond, single incidents. */
export function gridForZoom(zoom: number): { level: number; factor: number; degrees: number } | null {
  if (zoom <= 3) return { level: 0, factor: 5, degrees: 5 };
  if (zoom <= 5) return { level: 0, factor: 1, degrees: 1 };
  if (zoom <= 8) return { level: 1, factor: 1, degrees: 0.2 };
  return null;
}

const POINT_LIMIT = 1000;

function parseBox(bbox: string | undefined) {
  if (!bbox) return null;
  const [west = -180, south = -90, east = 180, north = 90] = bbox.split(',').map(Number);
  const box = {
    west: Math.max(-180, Math.min(180, west)),
    south: Math.max(-90, Math.min(90, south)),
    east: Math.max(-180, Math.min(180, east)),
    north: Math.max(-90, Math.min(90, north)),
  };
  if (box.south > box.north) throw invalidFields([{ path: 'bbox', code: 'invalid_bbox' }]);
  // A box across the antimeridian is taken as every longitude.
  if (box.west > box.east) return { ...box, west: -180, east: 180 };
  return box;
}

const cellRange = (box: { west: number; south: number; east: number; north: number }, size: number) => ({
  x0: Math.floor((box.west + 180) / size),
  x1: Math.floor((box.east + 180) / size),
  y0: Math.floor((box.south + 90) / size),
  y1: Math.floor((box.north + 90) / size),
});

/** The coarse map grid (1°): no position finer than this is shown for a cell of few incidents. */
const COARSE_DEGREES = GRID_LEVELS[0] ?? 1;

function addCells(a: CellSums, b: CellSums): CellSums {
  return {
    ...a,
    incidents: a.incidents + b.incidents,
    migrants: a.migrants + b.migrants,
    migrantsKnown: a.migrantsKnown + b.migrantsKnown,
    dead: a.dead + b.dead,
    deadKnown: a.deadKnown + b.deadKnown,
    missing: a.missing + b.missing,
    missingKnown: a.missingKnown + b.missingKnown,
  };
}

/**
 * Cells as the map draws them: at the centre of their cell (never an incident's coordinates),
 * cells of few incidents on a grid finer than 1° merged into their 1° cell, whoever asks.
 */
export function presentCells(cells: CellSums[], degrees: number, suppress: boolean): MapStats['cells'] {
  return coarsenSmallCells(cells, degrees, COARSE_DEGREES, addCells).map(({ cell: c, degrees: size }) => {
    const out = {
      ...cellCentre(c.cx, c.cy, size),
      degrees: size,
      incidents: c.incidents,
      migrants: c.migrantsKnown > 0 ? c.migrants : null,
      dead: c.deadKnown > 0 ? c.dead : null,
      missing: c.missingKnown > 0 ? c.missing : null,
      suppressed: [] as string[],
    };
    if (suppress) {
      for (const m of ['migrants', 'dead', 'missing'] as const) {
        if (suppressValue(out[m]).suppressed) {
          out[m] = null;
          out.suppressed.push(m);
        }
      }
    }
    return out;
  });
}

/**
 * The incident map: incidents clustered on a grid chosen by zoom, every country's, as regional
 * aggregates. Zoomed in far enough, holders of stats.detail also get their own country's
 * incidents as points (with their id, to open them) over the finest cells: records stay with
 * their owner. Too many points for one answer: cells only, and `truncated`.
 */
export async function mapStats(
  ctx: Ctx,
  q: StatsFilterQuery & { zoom: number; bbox?: string },
): Promise<MapStats> {
  const { actor, suppress } = await statsAccess(ctx, q);
  const f = filterOf(q);
  const box = parseBox(q.bbox);
  const finest = { level: FINEST_LEVEL, factor: 1, degrees: GRID_LEVELS[FINEST_LEVEL] ?? 0.2 };
  let grid = gridForZoom(q.zoom) ?? finest;
  // The finest grid holds whole years of all nationalities together: filtered by a nationality
  // or by a period that cuts a year, the map stays at 1°.
  const wholeYears = periodRanges(f.fromMonth, f.toMonth, false).months.length === 0;
  if (grid.level === FINEST_LEVEL && (f.nationality || !wholeYears))
    grid = { level: 0, factor: 1, degrees: GRID_LEVELS[0] ?? 1 };
  const size = GRID_LEVELS[grid.level] ?? 1;
  const base = { filters: appliedFilters(q), suppression: suppress };
  const cells = presentCells(
    await sumGrid(ctx.db.kysely, f, grid.level, grid.factor, box ? cellRange(box, size) : null),
    grid.degrees,
    suppress,
  );
  const wantsPoints = gridForZoom(q.zoom) === null && !suppress && box !== null;
  if (!wantsPoints || !box) {
    return { ...base, kind: 'cells', cellDegrees: grid.degrees, cells, points: [], truncated: false };
  }
  const points = await incidentPoints(ctx.db.kysely, actor, f, box, cellRange(box, 0.1), POINT_LIMIT + 1);
  if (points.length > POINT_LIMIT) {
    return { ...base, kind: 'cells', cellDegrees: grid.degrees, cells, points: [], truncated: true };
  }
  return {
    ...base,
    kind: 'points',
    cellDegrees: grid.degrees,
    cells,
    points: points.map((p) => ({
      id: p.id,
      lat: p.latitude,
      lon: p.longitude,
      kind: p.kind,
      occurredOn: p.occurred_on,
      migrants: p.migrants,
      dead: p.dead,
      missing: p.missing,
    })),
    truncated: false,
  };
}

// ——— exports for publication ———

/** A suppressed cell is written "<5"; an unknown one is left empty. */
function cell(value: number | null, suppressed: boolean): string | number {
  if (suppressed) return '<5';
  return value === null ? '' : value;
}

export function incidentStatsTable(stats: IncidentStats): (string | number)[][] {
  const header = [...stats.by, 'incidents', ...INCIDENT_MEASURES];
  const line = (r: IncidentStatsRow, label: string[]) => [
    ...label,
    r.incidents,
    ...INCIDENT_MEASURES.map((m) => cell(r.values[m], r.suppressed.includes(m))),
  ];
  return [
    header,
    ...stats.rows.map((r) =>
      line(
        r,
        stats.by.map((d) => r.key[d] ?? ''),
      ),
    ),
    line(
      stats.total,
      stats.by.map((_, i) => (i === 0 ? 'total' : '')),
    ),
  ];
}

// ——— database inventory (Work Plan action 5) ———

function presentEntry(actor: Actor | null, row: DataInventoryRow): DataInventoryEntry {
  return {
    id: row.id,
    countryCode: row.country_code,
    name: row.name,
    ownerAgency: row.owner_agency,
    description: row.description,
    coverage: row.coverage,
    coverageFrom: row.coverage_from === null ? null : Number(row.coverage_from),
    coverageTo: row.coverage_to === null ? null : Number(row.coverage_to),
    fields: JSON.parse(row.fields) as string[],
    updateFrequency: row.update_frequency as DataInventoryEntry['updateFrequency'],
    sharingStatus: row.sharing_status as DataInventoryEntry['sharingStatus'],
    quality: row.quality as DataInventoryEntry['quality'],
    qualityNotes: row.quality_notes,
    updatedAt: row.updated_at,
    abilities: {
      update: !!actor && actor.permissions.has('databases.manage') && inScope(actor, row.country_code),
    },
  };
}

/** The regional inventory of national databases: every country's entries, for every reader. */
export async function getInventory(ctx: Ctx, country?: string): Promise<DataInventoryEntry[]> {
  const actor = await requirePermission(ctx, 'stats.read');
  return (await listInventory(ctx.db.kysely, country)).map((r) => presentEntry(actor, r));
}

function checkCoverage(from: number | null | undefined, to: number | null | undefined) {
  if (from != null && to != null && from > to)
    throw invalidFields([{ path: 'coverageTo', code: 'coverage_order' }]);
}

export async function createInventoryEntry(
  ctx: Ctx,
  raw: DataInventoryCreateBody,
): Promise<DataInventoryEntry> {
  const actor = await requirePermission(ctx, 'databases.manage');
  const body = dataInventoryCreateBodySchema.parse(raw);
  const country = body.countryCode ?? actor.countryCode;
  if (!inScope(actor, country)) {
    await recordDenial(ctx, {
      action: 'inventory.create',
      objectType: 'country',
      objectId: country,
      reason: 'scope',
    });
    throw forbidden();
  }
  if (!(await findCountry(ctx.db.kysely, country))) throw badRequest('unknown_country');
  checkCoverage(body.coverageFrom, body.coverageTo);
  const now = nowIso(ctx);
  const row: DataInventoryRow = {
    id: randomUUID(),
    country_code: country,
    name: body.name,
    owner_agency: body.ownerAgency,
    description: body.description ?? null,
    coverage: body.coverage ?? null,
    coverage_from: body.coverageFrom ?? null,
    coverage_to: body.coverageTo ?? null,
    fields: JSON.stringify(body.fields),
    update_frequency: body.updateFrequency,
    sharing_status: body.sharingStatus,
    quality: body.quality,
    quality_notes: body.qualityNotes ?? null,
    is_demo: 0,
    created_at: now,
    updated_at: now,
    updated_by: actor.userId,
  };
  await withTx(ctx, async (trx, audit) => {
    await insertInventoryEntry(trx, row);
    await audit({
      action: 'inventory.created',
      objectType: 'data_inventory',
      objectId: row.id,
      details: { country },
    });
  });
  return presentEntry(actor, row);
}

async function writableEntry(
  ctx: Ctx,
  id: string,
  action: string,
): Promise<{ actor: Actor; row: DataInventoryRow }> {
  const actor = await requirePermission(ctx, 'databases.manage');
  const row = await findInventoryEntry(ctx.db.kysely, id);
  if (!row) throw notFound();
  // Entries are visible to all, so another country's entry is refused, not hidden.
  if (!inScope(actor, row.country_code)) {
    await recordDenial(ctx, { action, objectType: 'data_inventory', objectId: id, reason: 'scope' });
    throw forbidden();
  }
  return { actor, row };
}

export async function updateInventory(
  ctx: Ctx,
  id: string,
  patch: DataInventoryUpdateBody,
): Promise<DataInventoryEntry> {
  const { actor, row } = await writableEntry(ctx, id, 'inventory.update');
  const next: DataInventoryRow = {
    ...row,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.ownerAgency !== undefined ? { owner_agency: patch.ownerAgency } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.coverage !== undefined ? { coverage: patch.coverage } : {}),
    ...(patch.coverageFrom !== undefined ? { coverage_from: patch.coverageFrom } : {}),
    ...(patch.coverageTo !== undefined ? { coverage_to: patch.coverageTo } : {}),
    ...(patch.fields !== undefined ? { fields: JSON.stringify(patch.fields) } : {}),
    ...(patch.updateFrequency !== undefined ? { update_frequency: patch.updateFrequency } : {}),
    ...(patch.sharingStatus !== undefined ? { sharing_status: patch.sharingStatus } : {}),
    ...(patch.quality !== undefined ? { quality: patch.quality } : {}),
    ...(patch.qualityNotes !== undefined ? { quality_notes: patch.qualityNotes } : {}),
    updated_at: nowIso(ctx),
    updated_by: actor.userId,
  };
  checkCoverage(next.coverage_from, next.coverage_to);
  await withTx(ctx, async (trx, audit) => {
    await updateInventoryEntry(trx, next);
    await audit({
      action: 'inventory.updated',
      objectType: 'data_inventory',
      objectId: id,
      details: { fields: Object.keys(patch).join(',') },
    });
  });
  return presentEntry(actor, next);
}

export async function deleteInventory(ctx: Ctx, id: string): Promise<void> {
  await writableEntry(ctx, id, 'inventory.delete');
  await withTx(ctx, async (trx, audit) => {
    await deleteInventoryEntry(trx, id);
    await audit({ action: 'inventory.deleted', objectType: 'data_inventory', objectId: id });
  });
}
