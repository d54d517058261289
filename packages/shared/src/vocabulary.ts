import type { LocalizedText } from './enums';

/**
 * Fixed lists of the incidents, cases and statistics model. The extensible vocabularies
 * (incident kinds, modus operandi, maritime zones, offences, named routes, regions) live in the
 * database (`vocab_terms`, seeded by the server's reference seeds) so that they can grow; the
 * lists here are structural and change only with the code.
 */
export const TRANSPORT_MODES = ['land', 'sea', 'air'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** Age groups of the UNODC profile: children 0–11, adolescents 12–17, adults 18–59, elderly 60+. */
export const AGE_GROUPS = ['0-11', '12-17', '18-59', '60+', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

export const CONVEYANCE_TYPES = ['vessel', 'vehicle', 'aircraft'] as const;
export type ConveyanceType = (typeof CONVEYANCE_TYPES)[number];

export const INCIDENT_LINK_RELATIONS = [
  'same_event',
  'same_vessel',
  'same_network',
  'follow_on',
  'other',
] as const;
export type IncidentLinkRelation = (typeof INCIDENT_LINK_RELATIONS)[number];

/** How a version of an incident came to be. */
export const INCIDENT_VERSION_KINDS = ['initial', 'import', 'follow_up', 'correction', 'reimport'] as const;
export type IncidentVersionKind = (typeof INCIDENT_VERSION_KINDS)[number];

export const INCIDENT_SOURCES = ['enlace', 'missing_migrants'] as const;

/**
 * Groups of statistical regions a filter may name as one (`region=americas`). The network's own
 * region, the Americas, is the dashboards' default: the global Missing Migrants file also holds
 * the Mediterranean and the rest of the world, which the network's figures must not mix in.
 */
export const REGION_GROUPS = {
  americas: ['central_america', 'caribbean', 'north_america', 'us_mexico_border', 'south_america'],
} as const satisfies Record<string, readonly string[]>;
export type RegionGroup = keyof typeof REGION_GROUPS;
export const DEFAULT_STATS_REGION: RegionGroup = 'americas';

/** The region codes a region filter stands for: a group's members, or the one region named. */
export function regionCodesOf(region: string): readonly string[] {
  return Object.hasOwn(REGION_GROUPS, region) ? REGION_GROUPS[region as RegionGroup] : [region];
}
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];
/**
 * Sources of public data (everything but what a country records in Enlace): their records are
 * readable by every role that reads incidents, whichever tenant imported them; only the owner
 * may change them.
 */
export const PUBLIC_SOURCES = INCIDENT_SOURCES.filter(
  (s): s is Exclude<IncidentSource, 'enlace'> => s !== 'enlace',
);
export const isPublicSource = (source: string): boolean =>
  (PUBLIC_SOURCES as readonly string[]).includes(source);

/** The cycle of success, from detection to a closed case. */
export const CASE_STAGES = [
  'detection',
  'interdiction',
  'investigation',
  'prosecution',
  'trial',
  'judgment',
  'appeal',
  'closed',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const SUSPECT_KINDS = ['person', 'organisation'] as const;
export type SuspectKind = (typeof SUSPECT_KINDS)[number];

export const SUSPECT_ROLES = [
  'leader',
  'organiser',
  'recruiter',
  'transporter',
  'guide',
  'facilitator',
  'financier',
  'document_forger',
  'corrupt_official',
  'other',
] as const;
export type SuspectRole = (typeof SUSPECT_ROLES)[number];

export const DEFENDANT_OUTCOMES = ['pending', 'convicted', 'acquitted', 'dismissed'] as const;
export type DefendantOutcome = (typeof DEFENDANT_OUTCOMES)[number];

export const ASSET_KINDS = [
  'cash',
  'bank_account',
  'vehicle',
  'vessel',
  'real_estate',
  'business',
  'other',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const ASSET_STATUSES = ['identified', 'seized', 'confiscated', 'released'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const EVIDENCE_KINDS = ['document', 'digital', 'physical', 'financial', 'testimony', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const CASE_COUNTRY_ROLES = ['origin', 'transit', 'destination', 'jit_member', 'requested'] as const;
export type CaseCountryRole = (typeof CASE_COUNTRY_ROLES)[number];

export const UPDATE_FREQUENCIES = [
  'realtime',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'yearly',
  'irregular',
] as const;
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number];

export const SHARING_STATUSES = ['not_shared', 'shared_national', 'shared_regional', 'public'] as const;
export type SharingStatus = (typeof SHARING_STATUSES)[number];

export const DATA_QUALITY_LEVELS = ['good', 'fair', 'poor', 'unknown'] as const;
export type DataQuality = (typeof DATA_QUALITY_LEVELS)[number];

/** The database-held vocabularies; `extensible` ones take new terms through the API. */
export const VOCABULARIES = [
  'incident_kind',
  'modus_operandi',
  'maritime_zone',
  'offence',
  'route',
  'region',
] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];
export const EXTENSIBLE_VOCABULARIES: readonly Vocabulary[] = ['modus_operandi', 'route', 'offence'];

/** Offence categories: Protocol art. 6 offences, its aggravating circumstances, related offences. */
export const OFFENCE_CATEGORIES = ['protocol_art6', 'aggravating', 'related'] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

/** Small-cell suppression threshold: any count of persons below it (and above 0) is withheld. */
export const SMALL_CELL_THRESHOLD = 5;

type Labels<T extends string> = Record<T, LocalizedText>;

/** Labels of the fixed lists, in the three languages (sent with the vocabularies). */
export const FIXED_LABELS: {
  mode: Labels<TransportMode>;
  sex: Labels<Sex>;
  ageGroup: Labels<AgeGroup>;
  confidence: Labels<ConfidenceLevel>;
  conveyanceType: Labels<ConveyanceType>;
  linkRelation: Labels<IncidentLinkRelation>;
  caseStage: Labels<CaseStage>;
  suspectKind: Labels<SuspectKind>;
  suspectRole: Labels<SuspectRole>;
  outcome: Labels<DefendantOutcome>;
  assetKind: Labels<AssetKind>;
  assetStatus: Labels<AssetStatus>;
  evidenceKind: Labels<EvidenceKind>;
  caseCountryRole: Labels<CaseCountryRole>;
  updateFrequency: Labels<UpdateFrequency>;
  sharingStatus: Labels<SharingStatus>;
  dataQuality: Labels<DataQuality>;
} = {
  mode: {
    land: { es: 'Terrestre', en: 'Land', fr: 'Terrestre' },
    sea: { es: 'Marítima', en: 'Sea', fr: 'Maritime' },
    air: { es: 'Aérea', en: 'Air', fr: 'Aérienne' },
  },
  sex: {
    female: { es: 'Mujeres', en: 'Female', fr: 'Femmes' },
    male: { es: 'Hombres', en: 'Male', fr: 'Hommes' },
    unknown: { es: 'Sexo desconocido', en: 'Sex unknown', fr: 'Sexe inconnu' },
  },
  ageGroup: {
    '0-11': { es: '0–11 años', en: '0–11 years', fr: '0–11 ans' },
    '12-17': { es: '12–17 años', en: '12–17 years', fr: '12–17 ans' },
    '18-59': { es: '18–59 años', en: '18–59 years', fr: '18–59 ans' },
    '60+': { es: '60 años o más', en: '60 years and over', fr: '60 ans et plus' },
    unknown: { es: 'Edad desconocida', en: 'Age unknown', fr: 'Âge inconnu' },
  },
  confidence: {
    high: { es: 'Alta', en: 'High', fr: 'Élevée' },
    medium: { es: 'Media', en: 'Medium', fr: 'Moyenne' },
    low: { es: 'Baja', en: 'Low', fr: 'Faible' },
  },
  conveyanceType: {
    vessel: { es: 'Embarcación', en: 'Vessel', fr: 'Navire' },
    vehicle: { es: 'Vehículo', en: 'Vehicle', fr: 'Véhicule' },
    aircraft: { es: 'Vuelo / aeronave', en: 'Flight / aircraft', fr: 'Vol / aéronef' },
  },
  linkRelation: {
    same_event: { es: 'Mismo hecho', en: 'Same event', fr: 'Même événement' },
    same_vessel: {
      es: 'Misma embarcación o vehículo',
      en: 'Same vessel or vehicle',
      fr: 'Même navire ou véhicule',
    },
    same_network: { es: 'Misma red', en: 'Same network', fr: 'Même réseau' },
    follow_on: { es: 'Consecuencia', en: 'Follow-on', fr: 'Suite' },
    other: { es: 'Otro', en: 'Other', fr: 'Autre' },
  },
  caseStage: {
    detection: { es: 'Detección', en: 'Detection', fr: 'Détection' },
    interdiction: { es: 'Interdicción', en: 'Interdiction', fr: 'Interception' },
    investigation: { es: 'Investigación', en: 'Investigation', fr: 'Enquête' },
    prosecution: { es: 'Acusación', en: 'Prosecution', fr: 'Poursuites' },
    trial: { es: 'Juicio', en: 'Trial', fr: 'Procès' },
    judgment: { es: 'Sentencia', en: 'Judgment', fr: 'Jugement' },
    appeal: { es: 'Apelación', en: 'Appeal', fr: 'Appel' },
    closed: { es: 'Cerrado', en: 'Closed', fr: 'Clos' },
  },
  suspectKind: {
    person: { es: 'Persona', en: 'Person', fr: 'Personne' },
    organisation: { es: 'Organización', en: 'Organisation', fr: 'Organisation' },
  },
  suspectRole: {
    leader: { es: 'Líder', en: 'Leader', fr: 'Chef' },
    organiser: { es: 'Organizador', en: 'Organiser', fr: 'Organisateur' },
    recruiter: { es: 'Captador', en: 'Recruiter', fr: 'Recruteur' },
    transporter: { es: 'Transportista', en: 'Transporter', fr: 'Transporteur' },
    guide: { es: 'Guía', en: 'Guide', fr: 'Guide' },
    facilitator: { es: 'Facilitador', en: 'Facilitator', fr: 'Facilitateur' },
    financier: { es: 'Financista', en: 'Financier', fr: 'Financeur' },
    document_forger: { es: 'Falsificador de documentos', en: 'Document forger', fr: 'Faussaire' },
    corrupt_official: { es: 'Funcionario corrupto', en: 'Corrupt official', fr: 'Agent corrompu' },
    other: { es: 'Otro', en: 'Other', fr: 'Autre' },
  },
  outcome: {
    pending: { es: 'Pendiente', en: 'Pending', fr: 'En attente' },
    convicted: { es: 'Condenado', en: 'Convicted', fr: 'Condamné' },
    acquitted: { es: 'Absuelto', en: 'Acquitted', fr: 'Acquitté' },
    dismissed: { es: 'Sobreseído', en: 'Dismissed', fr: 'Non-lieu' },
  },
  assetKind: {
    cash: { es: 'Efectivo', en: 'Cash', fr: 'Espèces' },
    bank_account: { es: 'Cuenta bancaria', en: 'Bank account', fr: 'Compte bancaire' },
    vehicle: { es: 'Vehículo', en: 'Vehicle', fr: 'Véhicule' },
    vessel: { es: 'Embarcación', en: 'Vessel', fr: 'Navire' },
    real_estate: { es: 'Inmueble', en: 'Real estate', fr: 'Immeuble' },
    business: { es: 'Empresa', en: 'Business', fr: 'Entreprise' },
    other: { es: 'Otro', en: 'Other', fr: 'Autre' },
  },
  assetStatus: {
    identified: { es: 'Identificado', en: 'Identified', fr: 'Identifié' },
    seized: { es: 'Incautado', en: 'Seized', fr: 'Saisi' },
    confiscated: { es: 'Decomisado', en: 'Confiscated', fr: 'Confisqué' },
    released: { es: 'Liberado', en: 'Released', fr: 'Restitué' },
  },
  evidenceKind: {
    document: { es: 'Documento', en: 'Document', fr: 'Document' },
    digital: { es: 'Evidencia digital', en: 'Digital evidence', fr: 'Preuve numérique' },
    physical: { es: 'Evidencia física', en: 'Physical evidence', fr: 'Preuve matérielle' },
    financial: { es: 'Registro financiero', en: 'Financial record', fr: 'Pièce financière' },
    testimony: { es: 'Declaración', en: 'Statement', fr: 'Déclaration' },
    other: { es: 'Otra', en: 'Other', fr: 'Autre' },
  },
  caseCountryRole: {
    origin: { es: 'Origen', en: 'Origin', fr: 'Origine' },
    transit: { es: 'Tránsito', en: 'Transit', fr: 'Transit' },
    destination: { es: 'Destino', en: 'Destination', fr: 'Destination' },
    jit_member: {
      es: 'Miembro del equipo conjunto de investigación',
      en: 'Joint investigation team member',
      fr: 'Membre de l’équipe commune d’enquête',
    },
    requested: { es: 'Estado requerido', en: 'Requested State', fr: 'État requis' },
  },
  updateFrequency: {
    realtime: { es: 'En tiempo real', en: 'Real time', fr: 'En temps réel' },
    daily: { es: 'Diaria', en: 'Daily', fr: 'Quotidienne' },
    weekly: { es: 'Semanal', en: 'Weekly', fr: 'Hebdomadaire' },
    monthly: { es: 'Mensual', en: 'Monthly', fr: 'Mensuelle' },
    quarterly: { es: 'Trimestral', en: 'Quarterly', fr: 'Trimestrielle' },
    yearly: { es: 'Anual', en: 'Yearly', fr: 'Annuelle' },
    irregular: { es: 'Irregular', en: 'Irregular', fr: 'Irrégulière' },
  },
  sharingStatus: {
    not_shared: { es: 'No se comparte', en: 'Not shared', fr: 'Non partagée' },
    shared_national: {
      es: 'Compartida a nivel nacional',
      en: 'Shared nationally',
      fr: 'Partagée au niveau national',
    },
    shared_regional: {
      es: 'Compartida a nivel regional',
      en: 'Shared regionally',
      fr: 'Partagée au niveau régional',
    },
    public: { es: 'Pública', en: 'Public', fr: 'Publique' },
  },
  dataQuality: {
    good: { es: 'Buena', en: 'Good', fr: 'Bonne' },
    fair: { es: 'Aceptable', en: 'Fair', fr: 'Acceptable' },
    poor: { es: 'Deficiente', en: 'Poor', fr: 'Insuffisante' },
    unknown: { es: 'Desconocida', en: 'Unknown', fr: 'Inconnue' },
  },
};
