import 'leaflet/dist/leaflet.css';
import { can, type FlowStats, type MapStats } from '@enlace/shared';
import { Alert, Card, Checkbox, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import L from 'leaflet';
import worldUrl from 'world-atlas/countries-50m.json?url';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Topology } from 'topojson-specification';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { useVocab } from '../../features/incidents/vocabulary';
import {
  type CountryFeature,
  centroidOf,
  clusterSize,
  countryFeatures,
  flowWeight,
} from '../../features/map/geo';
import { type DataTable, count, StatsTable } from '../../features/stats/ChartCard';
import { StatsFilterBar, useStatsFilters } from '../../features/stats/StatsFilterBar';
import { useFlowStats, useMapStats } from '../../features/stats/stats.queries';
import { useFormat } from '../../hooks/useFormat';

/** The Americas and the Caribbean, where the network works; anyone can zoom out to the world. */
const START_BOUNDS = L.latLngBounds([-8, -125], [52, -55]);
const RCM_MEMBERS = new Set(['BLZ', 'CAN', 'CRI', 'DOM', 'SLV', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'USA']);

interface View {
  zoom: number;
  bbox: string;
}

function viewOf(map: L.Map): View {
  const b = map.getBounds();
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  const fix = (v: number) => v.toFixed(3);
  return {
    zoom: Math.round(map.getZoom()),
    bbox: [
      fix(clamp(b.getWest(), -180, 180)),
      fix(clamp(b.getSouth(), -90, 90)),
      fix(clamp(b.getEast(), -180, 180)),
      fix(clamp(b.getNorth(), -90, 90)),
    ].join(','),
  };
}

export default function MapPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const vocab = useVocab();
  const format = useFormat();
  const [filters, setFilter, clearFilters] = useStatsFilters();
  const [view, setView] = useState<View | null>(null);
  const [showIncidents, setShowIncidents] = useState(true);
  const [showFlows, setShowFlows] = useState(true);
  const [countries, setCountries] = useState<CountryFeature[] | null>(null);
  const [boundaryError, setBoundaryError] = useState(false);
  const mapStats = useMapStats(filters, view?.zoom ?? 3, view?.bbox);
  const flowStats = useFlowStats(filters);

  const container = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const incidentLayer = useRef<L.LayerGroup | null>(null);
  const flowLayer = useRef<L.LayerGroup | null>(null);

  // The map and its country shapes, drawn once.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const m = L.map(element, {
      zoomSnap: 1,
      minZoom: 2,
      maxZoom: 12,
      worldCopyJump: false,
      maxBounds: L.latLngBounds([-85, -240], [85, 240]),
      attributionControl: true,
    });
    m.attributionControl.setPrefix(false);
    m.fitBounds(START_BOUNDS);
    map.current = m;
    incidentLayer.current = L.layerGroup().addTo(m);
    flowLayer.current = L.layerGroup().addTo(m);
    const update = () => setView(viewOf(m));
    m.on('moveend', update);
    update();

    let cancelled = false;
    fetch(worldUrl)
      .then((res) => res.json() as Promise<Topology>)
      .then((topology) => {
        if (cancelled) return;
        const shapes = countryFeatures(topology);
        L.geoJSON(shapes, {
          interactive: false,
          style: (f) => ({
            color: '#7b8794',
            weight: 0.6,
            fillColor: f?.properties.iso3 && RCM_MEMBERS.has(f.properties.iso3) ? '#efe6cf' : '#f7f5ef',
            fillOpacity: 1,
          }),
        })
          .addTo(m)
          .bringToBack();
        element.dataset.countries = String(shapes.features.length);
        setCountries(shapes.features);
      })
      .catch(() => {
        if (!cancelled) setBoundaryError(true);
      });
    return () => {
      cancelled = true;
      m.remove();
      map.current = null;
    };
  }, []);

  // Where the boundaries come from, in the UI language.
  const attribution = t('map.attribution');
  useEffect(() => {
    const control = map.current?.attributionControl;
    control?.addAttribution(attribution);
    return () => {
      control?.removeAttribution(attribution);
    };
  }, [attribution]);

  // Incidents: server-side grid clusters, or single incidents when zoomed in.
  useEffect(() => {
    const layer = incidentLayer.current;
    const m = map.current;
    if (!layer || !m) return;
    layer.clearLayers();
    const data = mapStats.data;
    if (!data || !showIncidents) return;
    const countText = (v: number | null) => (v === null ? t('common.unknown') : format.number(v));
    const cellTitle = (c: MapStats['cells'][number]) => {
      const part = (k: 'migrants' | 'dead' | 'missing') =>
        `${t(`incidents.people.${k}`)}: ${c.suppressed.includes(k) ? t('stats.suppressedShort') : countText(c[k])}`;
      return `${t('map.clusterTitle', { count: c.incidents })} · ${part('migrants')} · ${part('dead')} · ${part('missing')}`;
    };
    for (const c of data.cells) {
      const size = clusterSize(c.incidents);
      const title = cellTitle(c);
      const marker = L.marker([c.lat, c.lon], {
        icon: L.divIcon({
          className: 'map-cluster',
          html: `<span>${format.number(c.incidents)}</span>`,
          iconSize: [size, size],
        }),
        title,
        alt: title,
        keyboard: true,
        riseOnHover: true,
      });
      marker.on('click', () => m.setView([c.lat, c.lon], Math.min(m.getZoom() + 2, 12)));
      marker.addTo(layer);
    }
    const mayOpen = can(me.role, 'incidents.read');
    for (const p of data.points) {
      const marker = L.circleMarker([p.lat, p.lon], {
        radius: 7,
        color: '#ffffff',
        weight: 2,
        fillColor: '#c12727',
        fillOpacity: 0.95,
        className: 'map-point',
      });
      const popup = document.createElement('div');
      const heading = document.createElement('strong');
      heading.textContent = vocab.term('incident_kind', p.kind);
      popup.append(heading, document.createElement('br'));
      popup.append(
        `${format.day(p.occurredOn)} · ${t('incidents.people.migrants')}: ${countText(p.migrants)} · ${t('incidents.people.dead')}: ${countText(p.dead)} · ${t('incidents.people.missing')}: ${countText(p.missing)}`,
      );
      if (mayOpen) {
        const link = document.createElement('a');
        link.href = `/incidents/${p.id}`;
        link.textContent = t('map.openIncident');
        link.addEventListener('click', (e) => {
          e.preventDefault();
          navigate(`/incidents/${p.id}`);
        });
        popup.append(document.createElement('br'), link);
      }
      marker.bindPopup(popup);
      marker.addTo(layer);
    }
    if (container.current) {
      container.current.dataset.markers = String(data.cells.length + data.points.length);
    }
  }, [mapStats.data, showIncidents, format, vocab, t, me.role, navigate]);

  const centroids = useMemo(() => {
    const out = new Map<string, [number, number]>();
    for (const f of countries ?? []) {
      if (f.properties.iso3 && !out.has(f.properties.iso3)) out.set(f.properties.iso3, centroidOf(f));
    }
    return out;
  }, [countries]);

  // Route flows between countries: a line from origin to destination, as thick as its share.
  useEffect(() => {
    const layer = flowLayer.current;
    if (!layer) return;
    layer.clearLayers();
    const flows = flowStats.data?.flows ?? [];
    if (!showFlows || centroids.size === 0) return;
    const drawable = flows.filter((f) => f.origin && f.destination && f.origin !== f.destination);
    const largest = Math.max(0, ...drawable.map((f) => f.incidents));
    for (const f of drawable) {
      const a = centroids.get(f.origin ?? '');
      const b = centroids.get(f.destination ?? '');
      if (!a || !b) continue;
      const line = L.polyline([a, b], {
        color: '#a8500b',
        weight: flowWeight(f.incidents, largest),
        opacity: 0.75,
        lineCap: 'round',
        className: 'map-flow',
      });
      line.bindTooltip(
        `${vocab.country(f.origin)} → ${vocab.country(f.destination)}: ${t('map.flowIncidents', { count: f.incidents })}`,
        { sticky: true },
      );
      line.addTo(layer);
    }
  }, [flowStats.data, showFlows, centroids, vocab, t]);

  const data = mapStats.data;
  return (
    <Page title={t('map.title')} description={t('map.intro')}>
      <SectionNav group="stats" />
      <StatsFilterBar filters={filters} onChange={setFilter} onClear={clearFilters} />
      <ErrorAlert error={mapStats.error ?? flowStats.error} />
      {boundaryError && (
        <Alert color="orange" role="alert">
          {t('map.boundariesFailed')}
        </Alert>
      )}
      <Group gap="lg">
        <Checkbox
          label={t('map.layerIncidents')}
          checked={showIncidents}
          onChange={(e) => setShowIncidents(e.currentTarget.checked)}
        />
        <Checkbox
          label={t('map.layerFlows')}
          checked={showFlows}
          onChange={(e) => setShowFlows(e.currentTarget.checked)}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {data
            ? data.kind === 'cells'
              ? t('map.showingCells', { size: data.cellDegrees ?? 0 })
              : t('map.showingPoints')
            : ''}
          {data?.truncated ? ` ${t('map.truncated')}` : ''}
        </Text>
      </Group>
      <section
        ref={container}
        className="incident-map"
        aria-label={t('map.regionLabel')}
        aria-describedby="map-keyboard-hint"
      />
      <Text size="xs" c="dimmed" id="map-keyboard-hint">
        {t('map.keyboardHint')}
      </Text>
      <MapLegend suppression={data?.suppression ?? false} />
      <MapTables data={data} flows={flowStats.data} />
    </Page>
  );
}

function MapLegend({ suppression }: { suppression: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="map-legend">
      <Title order={2} size="h5" id="map-legend" mb="xs">
        {t('map.legend')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Group gap="xs" wrap="nowrap">
          <span className="legend-cluster" aria-hidden="true">
            12
          </span>
          <Text size="sm">{t('map.legendCluster')}</Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <span className="legend-point" aria-hidden="true" />
          <Text size="sm">{t('map.legendPoint')}</Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <span className="legend-flow" aria-hidden="true" />
          <Text size="sm">{t('map.legendFlow')}</Text>
        </Group>
      </SimpleGrid>
      {suppression && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('stats.suppressionBody')}
        </Text>
      )}
    </Card>
  );
}

/** What the map shows, as tables: its text alternative. */
function MapTables({ data, flows }: { data: MapStats | undefined; flows: FlowStats | undefined }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const place = (c: string | null) => (c ? vocab.country(c) : t('common.unknown'));
  const cells: DataTable | null = data
    ? {
        columns: [
          t('map.where'),
          t('stats.incidents'),
          t('incidents.people.migrants'),
          t('incidents.people.dead'),
          t('incidents.people.missing'),
        ],
        rows: [...data.cells]
          .sort((a, b) => b.incidents - a.incidents)
          .map((c) => ({
            key: `${c.lat},${c.lon}`,
            label: t('incidents.latLon', { lat: format.decimal(c.lat, 2), lon: format.decimal(c.lon, 2) }),
            cells: [
              count(c.incidents),
              count(c.migrants, c.suppressed.includes('migrants')),
              count(c.dead, c.suppressed.includes('dead')),
              count(c.missing, c.suppressed.includes('missing')),
            ],
          })),
      }
    : null;
  const points: DataTable | null = data?.points.length
    ? {
        columns: [
          t('map.incident'),
          t('incidents.people.migrants'),
          t('incidents.people.dead'),
          t('incidents.people.missing'),
        ],
        rows: data.points.map((p) => ({
          key: p.id,
          label: `${vocab.term('incident_kind', p.kind)}, ${format.day(p.occurredOn)} (${t(
            'incidents.latLon',
            {
              lat: format.decimal(p.lat, 3),
              lon: format.decimal(p.lon, 3),
            },
          )})`,
          cells: [count(p.migrants), count(p.dead), count(p.missing)],
        })),
      }
    : null;
  const flowTable: DataTable | null = flows
    ? {
        columns: [
          t('stats.flow'),
          t('stats.incidents'),
          t('incidents.people.migrants'),
          t('incidents.people.dead'),
          t('incidents.people.missing'),
        ],
        rows: flows.flows.map((f) => ({
          key: `${f.origin}-${f.destination}`,
          label: `${place(f.origin)} → ${place(f.destination)}`,
          cells: [
            count(f.incidents),
            count(f.migrants, f.suppressed.includes('migrants')),
            count(f.dead, f.suppressed.includes('dead')),
            count(f.missing, f.suppressed.includes('missing')),
          ],
        })),
      }
    : null;
  return (
    <Stack gap="md">
      <section className="card-like" aria-labelledby="map-tables">
        <h2 className="card-title" id="map-tables">
          {t('map.tableTitle')}
        </h2>
        <details>
          <summary>{t('map.showTables')}</summary>
          <Stack gap="md" mt="sm">
            <Text size="sm" c="dimmed">
              {t('map.tableIntro')}
            </Text>
            {cells && cells.rows.length > 0 && <StatsTable table={cells} caption={t('map.cellsCaption')} />}
            {points && <StatsTable table={points} caption={t('map.pointsCaption')} />}
            {cells && cells.rows.length === 0 && !points && <Text c="dimmed">{t('stats.noData')}</Text>}
            {flowTable && flowTable.rows.length > 0 && (
              <StatsTable table={flowTable} caption={t('stats.chart.flows')} />
            )}
          </Stack>
        </details>
      </section>
    </Stack>
  );
}
