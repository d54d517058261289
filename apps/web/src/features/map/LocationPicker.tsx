import 'leaflet/dist/leaflet.css';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import L from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drawPlaces, drawWorld, loadCities, loadWorld } from './basemap';
import type { CountryFeature } from './geo';
import type { Place } from './places';
import { checkPlace } from './sea-check';

/** The Americas and the Caribbean, where a new report most likely is. */
const START_BOUNDS = L.latLngBounds([-8, -125], [52, -55]);

/** About a metre: finer than any report needs, coarse enough to read. */
const round = (v: number) => Math.round(v * 1e5) / 1e5;
const wrapLon = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

function valid(
  lat: number | '' | null | undefined,
  lon: number | '' | null | undefined,
): [number, number] | null {
  if (typeof lat !== 'number' || typeof lon !== 'number') return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  return [lat, lon];
}

interface Props {
  latitude: number | '' | null;
  longitude: number | '' | null;
  /** The incident's mode: a land incident at sea, or a sea incident on land, is warned of. */
  mode: string;
  onPick: (latitude: number, longitude: number) => void;
}

/**
 * A map to set an incident's coordinates: a click (or a tap) puts the marker there, the marker can
 * be dragged, and coordinates typed in the form move it. Keyboard users move the map and take its
 * centre. A warning, never a refusal, when the place does not fit the mode.
 */
export default function LocationPicker({ latitude, longitude, mode, onPick }: Props) {
  const { t, i18n } = useTranslation();
  // Place names in the interface language (read when the map redraws them).
  const language = useRef(i18n.language);
  language.current = i18n.language;
  const element = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const [countries, setCountries] = useState<CountryFeature[] | null>(null);
  const [failed, setFailed] = useState(false);
  const point = valid(latitude, longitude);
  const markerTitle = t('locationPicker.marker');

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const m = L.map(el, { zoomSnap: 1, minZoom: 2, maxZoom: 14, attributionControl: true });
    m.attributionControl.setPrefix(false);
    const placesPane = m.createPane('places');
    placesPane.style.zIndex = '450';
    placesPane.style.pointerEvents = 'none';
    m.fitBounds(START_BOUNDS);
    map.current = m;
    const placeLayer = L.layerGroup().addTo(m);
    let cities: Place[] = [];
    let cancelled = false;
    m.on('moveend', () => drawPlaces(m, placeLayer, cities, language.current));
    m.on('click', (e: L.LeafletMouseEvent) =>
      pick.current(round(e.latlng.lat), round(wrapLon(e.latlng.lng))),
    );
    loadWorld()
      .then((w) => {
        if (cancelled) return;
        drawWorld(m, w).eachLayer((l) => (l as L.GeoJSON).bringToBack());
        setCountries(w.countries);
        el.dataset.ready = 'true';
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    loadCities()
      .then((list) => {
        if (cancelled) return;
        cities = list;
        drawPlaces(m, placeLayer, cities, language.current);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      m.remove();
      map.current = null;
      marker.current = null;
    };
  }, []);

  // The marker follows the coordinates, typed or picked; the map follows the marker out of view.
  const lat = point?.[0];
  const lon = point?.[1];
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (lat === undefined || lon === undefined) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (!marker.current) {
      const pin = L.marker([lat, lon], {
        draggable: true,
        keyboard: false,
        title: markerTitle,
        icon: L.divIcon({ className: 'picker-pin', iconSize: [22, 22], iconAnchor: [11, 22] }),
      });
      pin.on('dragend', () => {
        const at = pin.getLatLng();
        pick.current(round(at.lat), round(wrapLon(at.lng)));
      });
      pin.addTo(m);
      marker.current = pin;
    } else marker.current.setLatLng([lat, lon]);
    if (!m.getBounds().contains([lat, lon])) m.setView([lat, lon], Math.max(m.getZoom(), 6));
  }, [lat, lon, markerTitle]);

  const check = useMemo(
    () => (point && countries ? checkPlace(mode, point[0], point[1], countries) : 'ok'),
    [point?.[0], point?.[1], mode, countries],
  );

  const handleUseCentre = () => {
    const c = map.current?.getCenter();
    if (c) onPick(round(c.lat), round(wrapLon(c.lng)));
  };

  return (
    <Stack gap="xs" mt="md" className="location-picker-block">
      <Text size="sm" fw={600} id="location-picker-title">
        {t('locationPicker.title')}
      </Text>
      <Text size="xs" c="dimmed" id="location-picker-hint">
        {t('locationPicker.hint')}
      </Text>
      {failed ? (
        <Alert color="orange" role="status">
          {t('locationPicker.loadFailed')}
        </Alert>
      ) : (
        <section
          ref={element}
          className="location-picker"
          aria-label={t('locationPicker.regionLabel')}
          aria-describedby="location-picker-hint location-picker-keys"
          data-testid="location-picker"
        />
      )}
      <Group gap="sm" wrap="wrap">
        <Button variant="default" size="xs" onClick={handleUseCentre} disabled={failed}>
          {t('locationPicker.useCentre')}
        </Button>
        <Text size="xs" c="dimmed" id="location-picker-keys">
          {t('locationPicker.useCentreHint')}
        </Text>
      </Group>
      <div aria-live="polite">
        {check !== 'ok' && (
          <Alert color="orange" title={t('locationPicker.warningTitle')} data-testid="place-warning">
            {t(check === 'land_at_sea' ? 'locationPicker.landAtSea' : 'locationPicker.seaOnLand')}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
