import type { IncidentState, PeopleCounts } from '@enlace/shared';

/** The person counts of a report, in the order they are shown and entered. */
export const PEOPLE_ORDER: (keyof PeopleCounts)[] = [
  'migrants',
  'females',
  'males',
  'children',
  'unaccompaniedChildren',
  'dead',
  'missing',
  'survivors',
  'injured',
  'smugglersApprehended',
];

/**
 * The i18n key of the label of a field path of a report, as the server names it in validation
 * errors and in the history ("place.latitude", "people.dead", "breakdown.3.count").
 */
export function fieldLabelKey(path: string): string {
  const [head = '', sub = ''] = path.split('.');
  switch (head) {
    case 'people':
      return sub ? `incidents.people.${sub}` : 'incidents.section.people';
    case 'place':
      return sub ? `incidents.field.place_${sub}` : 'incidents.section.place';
    case 'conveyance':
      return sub ? `incidents.field.conveyance_${sub}` : 'incidents.section.conveyance';
    case 'source':
      return sub ? `incidents.field.source_${sub}` : 'incidents.field.source';
    case 'route':
      return sub ? `incidents.field.route_${sub}` : 'incidents.section.route';
    case 'breakdown':
      return 'incidents.section.breakdown';
    default:
      return `incidents.field.${head}`;
  }
}

export type StateField = keyof IncidentState;
