import 'leaflet/dist/leaflet.css';
import { can, type FlowStats, type MapStats } from '@enlace/shared';
import { Alert, Card, Checkbox, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import L from 'leaflet';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { useVocab } from '../../features/incidents/vocabulary';
import {
  ADMIN1_FROM,
  admin1Layer,
  drawPlaces,
  drawWorld,
  loadAdmin1,
  loadCities,
  loadTowns,
  loadWorld,
} from '../../features/map/basemap';
import { type ClusterFigures, clusterCells, figuresOf } from '../../features/map/clusters';
import { FlowLegend } from '../../features/map/FlowLegend';
import { arrowHead, arrowSize, flowCurve, flowWidth, type Pt, selectFlows } from '../../features/map/flows';
import { type CountryFeature, centroidOf, clusterSize } from '../../features/map/geo';
import { type AreaLabel, type Box, needsTowns, type Place } from '../../features/map/places';
import { type DataTable, count, StatsTable } from '../../features/stats/ChartCard';
import { StatsFilterBar, useStatsFilters } from '../../features/stats/StatsFilterBar';
import { useFlowStats, useMapStats } from '../../features/stats/stats.queries';
import { useFormat } from '../../hooks/useFormat';

/** The Americas and the Caribbean, where the network works; anyone can zoom out to the world. */
const START_BOUNDS = L.latLngBounds([-8, -125], [52, -55]);
const FLOW_COLOUR = '#a8500b';
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
  const { t, i18n } = useTranslation();
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
  // Place names are drawn in the interface language; a change of language redraws them.
  const language = useRef(i18n.language);
  const redrawPlaces = useRef<() => void>(() => undefined);
  // Where the incident markers are: no place name is drawn under one.
  const markerBoxes = useRef<Box[]>([]);

  // The map and its basemap (countries, coastlines, borders, first-level areas, place names).
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
    // Place names above the shapes and flows, below the markers; they never take a click.
    const placesPane = m.createPane('places');
    placesPane.style.zIndex = '450';
    placesPane.style.pointerEvents = 'none';
    m.fitBounds(START_BOUNDS);
    map.current = m;
    flowLayer.current = L.layerGroup().addTo(m);
    incidentLayer.current = L.layerGroup().addTo(m);
    const placeLayer = L.layerGroup().addTo(m);
    let admin1: ReturnType<typeof admin1Layer> | null = null;
    let areaNames: AreaLabel[] = [];
    let cities: Place[] = [];
    let towns: Place[] = [];
    let cancelled = false;
    const redraw = () =>
      drawPlaces(
        m,
        placeLayer,
        towns.length ? [...cities, ...towns] : cities,
        language.current,
        areaNames,
        markerBoxes.current,
      );
    redrawPlaces.current = redraw;
    const mergeByPopulation = () => {
      if (!towns.length) return;
      const all = [...cities, ...towns].sort((a, b) => b[3] - a[3]);
      cities = all;
      towns = [];
    };
    const update = () => {
      setView(viewOf(m));
      const zoom = Math.round(m.getZoom());
      element.dataset.zoom = String(zoom);
      // The first-level areas are a file of their own, fetched the first time one zooms in.
      if (zoom >= ADMIN1_FROM && !admin1) {
        loadAdmin1()
          .then((areas) => {
            if (cancelled || admin1) return;
            admin1 = admin1Layer(areas.borders);
            areaNames = areas.labels;
            admin1.layer.addTo(m);
            admin1.show(Math.round(m.getZoom()));
            admin1.layer.eachLayer((l) => (l as L.GeoJSON).bringToBack());
            world?.eachLayer((l) => (l as L.GeoJSON).bringToBack());
            element.dataset.admin1 = String(areas.labels.length);
            redraw();
          })
          .catch(() => undefined);
      } else if (admin1) {
        admin1.show(zoom);
      }
      if (needsTowns(zoom) && cities.length && !cities.some((c) => c[3] < 100_000)) {
        loadTowns()
          .then((list) => {
            if (cancelled) return;
            towns = list;
            mergeByPopulation();
            redraw();
          })
          .catch(() => undefined);
      }
      redraw();
    };
    m.on('moveend', update);
    update();

    let world: L.LayerGroup | null = null;
    loadWorld()
      .then((w) => {
        if (cancelled) return;
        world = drawWorld(m, w, RCM_MEMBERS);
        world.eachLayer((l) => (l as L.GeoJSON).bringToBack());
        element.dataset.countries = String(w.countries.length);
        setCountries(w.countries);
      })
      .catch(() => {
        if (!cancelled) setBoundaryError(true);
      });
    loadCities()
      .then((list) => {
        if (cancelled) return;
        cities = list;
        element.dataset.places = String(list.length);
        update();
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      redrawPlaces.current = () => undefined;
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    language.current = i18n.language;
    redrawPlaces.current();
  }, [i18n.language]);

  // Where the boundaries come from, in the UI language.
  const attribution = t('map.attributionSources');
  useEffect(() => {
    const control = map.current?.attributionControl;
    control?.addAttribution(attribution);
    return () => {
      control?.removeAttribution(attribution);
    };
  }, [attribution]);

  // The server's grid cells, gathered by supercluster so that no two markers overlap.
  const cellIndex = useMemo(
    () => (mapStats.data ? clusterCells(mapStats.data.cells) : null),
    [mapStats.data],
  );

  // Incidents: clusters of cells (a click or Enter zooms in on them), or single incidents zoomed in.
  useEffect(() => {
    const layer = incidentLayer.current;
    const m = map.current;
    if (!layer || !m) return;
    layer.clearLayers();
    const boxes: Box[] = [];
    const around = (lat: number, lon: number, size: number) => {
      const p = m.latLngToContainerPoint([lat, lon]);
      boxes.push({ x0: p.x - size / 2, y0: p.y - size / 2, x1: p.x + size / 2, y1: p.y + size / 2 });
    };
    const placeNamesAround = () => {
      markerBoxes.current = boxes;
      redrawPlaces.current();
    };
    const data = mapStats.data;
    if (!data || !showIncidents || !cellIndex || !view) return placeNamesAround();
    const countText = (v: number | null) => (v === null ? t('common.unknown') : format.number(v));
    const cellTitle = (c: ClusterFigures) => {
      const part = (k: 'migrants' | 'dead' | 'missing') =>
        `${t(`incidents.people.${k}`)}: ${c.suppressed.includes(k) ? t('stats.suppressedShort') : countText(c[k])}`;
      return `${t('map.clusterTitle', { count: c.incidents })} · ${part('migrants')} · ${part('dead')} · ${part('missing')}`;
    };
    const b = m.getBounds();
    const box: [number, number, number, number] = [
      Math.max(-180, b.getWest()),
      Math.max(-85, b.getSouth()),
      Math.min(180, b.getEast()),
      Math.min(85, b.getNorth()),
    ];
    const zoom = Math.round(m.getZoom());
    let shown = 0;
    for (const f of cellIndex.getClusters(box, zoom)) {
      const [lon = 0, lat = 0] = f.geometry.coordinates;
      const figures = figuresOf(f.properties);
      const size = clusterSize(figures.incidents);
      const label = `${cellTitle(figures)}. ${t('map.clusterAction')}`;
      const marker = L.marker([lat, lon], {
        icon: L.divIcon({
          className: 'map-cluster',
          html: `<span aria-hidden="true">${format.number(figures.incidents)}</span>`,
          iconSize: [size, size],
        }),
        title: cellTitle(figures),
        keyboard: true,
        riseOnHover: true,
      });
      marker.on('add', () => {
        const el = marker.getElement();
        el?.setAttribute('role', 'button');
        el?.setAttribute('aria-label', label);
        // A button answers Enter and Space; Leaflet's markers do not by themselves.
        el?.addEventListener('keydown', (e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          e.stopPropagation();
          marker.fire('click');
        });
      });
      const clusterId = 'cluster_id' in f.properties ? Number(f.properties.cluster_id) : null;
      marker.on('click', () => {
        const next =
          clusterId === null
            ? Math.min(zoom + 2, 12)
            : Math.min(Math.max(cellIndex.getClusterExpansionZoom(clusterId), zoom + 1), 12);
        m.setView([lat, lon], next);
      });
      marker.addTo(layer);
      around(lat, lon, size);
      shown++;
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
      around(p.lat, p.lon, 18);
    }
    placeNamesAround();
    if (container.current) container.current.dataset.markers = String(shown + data.points.length);
  }, [mapStats.data, cellIndex, view, showIncidents, format, vocab, t, me.role, navigate]);

  const centroids = useMemo(() => {
    const out = new Map<string, [number, number]>();
    for (const f of countries ?? []) {
      if (f.properties.iso3 && !out.has(f.properties.iso3)) out.set(f.properties.iso3, centroidOf(f));
    }
    return out;
  }, [countries]);

  // The route flows drawn at this zoom: the largest ones, the rest counted in the legend.
  const flowSelection = useMemo(
    () =>
      selectFlows(
        flowStats.data?.flows ?? [],
        view?.zoom ?? 3,
        (iso3) => centroids.size === 0 || centroids.has(iso3),
      ),
    [flowStats.data, view?.zoom, centroids],
  );

  // Route flows between countries: curved arrows from origin to destination, as wide as their
  // incidents (see FlowLegend), drawn in the map's pixel plane (so redrawn as it zooms).
  useEffect(() => {
    const layer = flowLayer.current;
    const m = map.current;
    if (!layer || !m) return;
    layer.clearLayers();
    if (!showFlows || centroids.size === 0 || !view) return;
    const toLatLng = (p: Pt) => m.layerPointToLatLng(L.point(p.x, p.y));
    for (const f of flowSelection.shown) {
      const from = centroids.get(f.origin ?? '');
      const to = centroids.get(f.destination ?? '');
      if (!from || !to) continue;
      const a = m.latLngToLayerPoint(from);
      const b = m.latLngToLayerPoint(to);
      const weight = flowWidth(f.incidents, flowSelection.largest, view.zoom);
      const head = arrowSize(weight);
      const label = `${vocab.country(f.origin)} → ${vocab.country(f.destination)}: ${t('map.flowIncidents', { count: f.incidents })}`;
      const style = { color: FLOW_COLOUR, opacity: 0.85, className: 'map-flow' };
      const line = L.polyline(flowCurve(a, b, { trim: head.length * 0.8 }).map(toLatLng), {
        ...style,
        weight,
        lineCap: 'butt',
      });
      const arrow = L.polygon(arrowHead(a, b, head).map(toLatLng), {
        ...style,
        weight: 1,
        fillColor: FLOW_COLOUR,
        fillOpacity: 0.95,
      });
      for (const shape of [line, arrow]) {
        shape.bindTooltip(label, { sticky: true });
        shape.addTo(layer);
      }
    }
    if (container.current) container.current.dataset.flows = String(flowSelection.shown.length);
  }, [flowSelection, showFlows, centroids, view, vocab, t]);

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
      <MapLegend suppression={data?.suppression ?? false}>
        {showFlows && <FlowLegend selection={flowSelection} zoom={view?.zoom ?? 3} />}
      </MapLegend>
      <MapTables data={data} flows={flowStats.data} />
    </Page>
  );
}

function MapLegend({ suppression, children }: { suppression: boolean; children?: ReactNode }) {
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
      {children}
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
            key: `${c.lat},${c.lon},${c.degrees}`,
            label: t('map.cellArea', {
              size: format.decimal(c.degrees, 1),
              place: t('incidents.latLon', { lat: format.decimal(c.lat, 1), lon: format.decimal(c.lon, 1) }),
            }),
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
