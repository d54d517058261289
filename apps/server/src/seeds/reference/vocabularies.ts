import type { LocalizedText, Vocabulary } from '@enlace/shared';

export interface ReferenceTerm {
  code: string;
  label: LocalizedText;
  /** Strings only. `mm`: the IOM Missing Migrants names of the term, separated by "|". */
  attributes?: Record<string, string>;
}

const L = (es: string, en: string, fr: string): LocalizedText => ({ es, en, fr });

/** The reference vocabularies, in display order. Seeded idempotently; terms can be added later. */
export const REFERENCE_VOCABULARIES: Record<Vocabulary, ReferenceTerm[]> = {
  incident_kind: [
    {
      code: 'interception_at_sea',
      label: L('Interceptación en el mar', 'Interception at sea', 'Interception en mer'),
      attributes: { mode: 'sea' },
    },
    {
      code: 'rescue_at_sea',
      label: L('Rescate en el mar', 'Rescue at sea', 'Sauvetage en mer'),
      attributes: { mode: 'sea' },
    },
    {
      code: 'border_post_detection',
      label: L(
        'Detección en un puesto fronterizo',
        'Detection at a border post',
        'Détection à un poste frontière',
      ),
    },
    {
      code: 'transit_detection',
      label: L('Detección en tránsito', 'Detection in transit', 'Détection en transit'),
      attributes: { mode: 'land' },
    },
    {
      code: 'smuggler_apprehension',
      label: L('Aprehensión de traficantes', 'Apprehension of smugglers', 'Arrestation de passeurs'),
    },
    {
      code: 'document_fraud_airport',
      label: L(
        'Fraude documental en un aeropuerto',
        'Document fraud at an airport',
        'Fraude documentaire dans un aéroport',
      ),
      attributes: { mode: 'air' },
    },
    {
      code: 'death_disappearance',
      label: L('Muerte o desaparición', 'Death or disappearance', 'Décès ou disparition'),
    },
  ],
  maritime_zone: [
    {
      code: 'internal_waters',
      label: L('Aguas interiores', 'Internal waters', 'Eaux intérieures'),
      attributes: { unclos: 'art. 8' },
    },
    {
      code: 'territorial_sea',
      label: L('Mar territorial', 'Territorial sea', 'Mer territoriale'),
      attributes: { unclos: 'art. 3' },
    },
    {
      code: 'contiguous_zone',
      label: L('Zona contigua', 'Contiguous zone', 'Zone contiguë'),
      attributes: { unclos: 'art. 33' },
    },
    {
      code: 'exclusive_economic_zone',
      label: L('Zona económica exclusiva', 'Exclusive economic zone', 'Zone économique exclusive'),
      attributes: { unclos: 'art. 55–57' },
    },
    {
      code: 'high_seas',
      label: L('Alta mar', 'High seas', 'Haute mer'),
      attributes: { unclos: 'art. 86–87' },
    },
  ],
  modus_operandi: [
    {
      code: 'concealment_in_vehicle',
      label: L('Ocultamiento en vehículo', 'Concealment in a vehicle', 'Dissimulation dans un véhicule'),
    },
    {
      code: 'tractor_trailer',
      label: L('Tractocamión o contenedor', 'Tractor-trailer or container', 'Semi-remorque ou conteneur'),
    },
    {
      code: 'freight_train',
      label: L('Tren de carga', 'Freight train', 'Train de marchandises'),
    },
    {
      code: 'guided_on_foot',
      label: L('Cruce a pie con guía', 'Guided crossing on foot', 'Traversée à pied avec guide'),
    },
    {
      code: 'river_crossing',
      label: L('Cruce de río', 'River crossing', 'Traversée de fleuve'),
    },
    {
      code: 'go_fast_boat',
      label: L('Lancha rápida', 'Go-fast boat', 'Vedette rapide'),
    },
    {
      code: 'makeshift_vessel',
      label: L('Embarcación precaria', 'Makeshift vessel', 'Embarcation de fortune'),
    },
    {
      code: 'overloaded_vessel',
      label: L('Embarcación sobrecargada', 'Overloaded vessel', 'Embarcation surchargée'),
    },
    {
      code: 'fishing_vessel_cover',
      label: L(
        'Embarcación pesquera como fachada',
        'Fishing vessel as cover',
        'Navire de pêche servant de couverture',
      ),
    },
    {
      code: 'mother_ship',
      label: L('Buque nodriza', 'Mother ship', 'Navire-mère'),
    },
    {
      code: 'stowaway',
      label: L(
        'Polizones en buque de carga',
        'Stowaways on a cargo ship',
        'Passagers clandestins sur un cargo',
      ),
    },
    {
      code: 'fraudulent_documents',
      label: L('Documentos falsos o alterados', 'Forged or altered documents', 'Documents faux ou falsifiés'),
    },
    {
      code: 'impostor_documents',
      label: L(
        'Uso de documentos auténticos de otra persona',
        'Genuine documents of another person (impostor)',
        'Documents authentiques d’une autre personne (imposteur)',
      ),
    },
    {
      code: 'fraudulent_visa',
      label: L('Visa fraudulenta', 'Fraudulent visa', 'Visa frauduleux'),
    },
    {
      code: 'air_transit_abuse',
      label: L(
        'Abuso del tránsito aeroportuario',
        'Abuse of airport transit',
        'Détournement du transit aéroportuaire',
      ),
    },
    {
      code: 'tourism_cover',
      label: L(
        'Viaje turístico como fachada',
        'Tourist travel as cover',
        'Voyage touristique servant de couverture',
      ),
    },
    {
      code: 'stash_house',
      label: L('Casa de seguridad', 'Stash house', 'Maison de transit clandestine'),
    },
    {
      code: 'online_recruitment',
      label: L(
        'Captación por redes sociales',
        'Recruitment on social media',
        'Recrutement sur les réseaux sociaux',
      ),
    },
    {
      code: 'staged_payments',
      label: L('Pagos por tramos', 'Payment in stages', 'Paiement par étapes'),
    },
    {
      code: 'informal_value_transfer',
      label: L(
        'Transferencias informales de valores',
        'Informal value transfer',
        'Transferts informels de fonds',
      ),
    },
    {
      code: 'corruption_of_officials',
      label: L('Corrupción de funcionarios', 'Corruption of officials', 'Corruption d’agents publics'),
    },
    {
      code: 'kidnapping_extortion',
      label: L('Secuestro y extorsión', 'Kidnapping and extortion', 'Enlèvement et extorsion'),
    },
  ],
  offence: [
    {
      code: 'smuggling_of_migrants',
      label: L('Tráfico ilícito de migrantes', 'Smuggling of migrants', 'Trafic illicite de migrants'),
      attributes: { category: 'protocol_art6', article: '6(1)(a)' },
    },
    {
      code: 'document_fraud',
      label: L(
        'Fraude de documentos de viaje o identidad',
        'Travel or identity document fraud',
        'Fraude aux documents de voyage ou d’identité',
      ),
      attributes: { category: 'protocol_art6', article: '6(1)(b)' },
    },
    {
      code: 'enabling_illegal_stay',
      label: L('Facilitación de la permanencia ilegal', 'Enabling illegal stay', 'Aide au séjour illégal'),
      attributes: { category: 'protocol_art6', article: '6(1)(c)' },
    },
    {
      code: 'endangering_life',
      label: L(
        'Poner en peligro la vida o la seguridad de los migrantes',
        'Endangering the lives or safety of migrants',
        'Mise en danger de la vie ou de la sécurité des migrants',
      ),
      attributes: { category: 'aggravating', article: '6(3)(a)' },
    },
    {
      code: 'inhuman_degrading_treatment',
      label: L(
        'Trato inhumano o degradante, incluida la explotación',
        'Inhuman or degrading treatment, including exploitation',
        'Traitement inhumain ou dégradant, y compris l’exploitation',
      ),
      attributes: { category: 'aggravating', article: '6(3)(b)' },
    },
    {
      code: 'trafficking_in_persons',
      label: L('Trata de personas', 'Trafficking in persons', 'Traite des personnes'),
      attributes: { category: 'related' },
    },
    {
      code: 'money_laundering',
      label: L('Lavado de activos', 'Money laundering', 'Blanchiment d’argent'),
      attributes: { category: 'related' },
    },
    {
      code: 'corruption',
      label: L('Corrupción', 'Corruption', 'Corruption'),
      attributes: { category: 'related' },
    },
    {
      code: 'organized_crime_participation',
      label: L(
        'Participación en un grupo delictivo organizado',
        'Participation in an organized criminal group',
        'Participation à un groupe criminel organisé',
      ),
      attributes: { category: 'related' },
    },
  ],
  region: [
    {
      code: 'central_america',
      label: L('Centroamérica y México', 'Central America', 'Amérique centrale'),
      attributes: { mm: 'Central America' },
    },
    {
      code: 'caribbean',
      label: L('Caribe', 'Caribbean', 'Caraïbes'),
      attributes: { mm: 'Caribbean' },
    },
    {
      code: 'north_america',
      label: L('América del Norte', 'North America', 'Amérique du Nord'),
      attributes: { mm: 'North America|Northern America' },
    },
    {
      code: 'us_mexico_border',
      label: L('Frontera México–Estados Unidos', 'US–Mexico border', 'Frontière États-Unis–Mexique'),
      attributes: { mm: 'US-Mexico Border' },
    },
    {
      code: 'south_america',
      label: L('América del Sur', 'South America', 'Amérique du Sud'),
      attributes: { mm: 'South America' },
    },
    {
      code: 'mediterranean',
      label: L('Mediterráneo', 'Mediterranean', 'Méditerranée'),
      attributes: { mm: 'Mediterranean' },
    },
    { code: 'europe', label: L('Europa', 'Europe', 'Europe'), attributes: { mm: 'Europe' } },
    {
      code: 'northern_africa',
      label: L('África del Norte', 'Northern Africa', 'Afrique du Nord'),
      attributes: { mm: 'Northern Africa|North Africa' },
    },
    {
      code: 'western_africa',
      label: L('África Occidental', 'Western Africa', 'Afrique de l’Ouest'),
      attributes: { mm: 'Western Africa' },
    },
    {
      code: 'eastern_africa',
      label: L('África Oriental', 'Eastern Africa', 'Afrique de l’Est'),
      attributes: { mm: 'Eastern Africa|Horn of Africa' },
    },
    {
      code: 'middle_africa',
      label: L('África Central', 'Middle Africa', 'Afrique centrale'),
      attributes: { mm: 'Middle Africa' },
    },
    {
      code: 'southern_africa',
      label: L('África Austral', 'Southern Africa', 'Afrique australe'),
      attributes: { mm: 'Southern Africa' },
    },
    {
      code: 'sub_saharan_africa',
      label: L('África Subsahariana', 'Sub-Saharan Africa', 'Afrique subsaharienne'),
      attributes: { mm: 'Sub-Saharan Africa' },
    },
    {
      code: 'western_asia',
      label: L('Asia Occidental', 'Western Asia', 'Asie occidentale'),
      attributes: { mm: 'Western Asia|Middle East' },
    },
    {
      code: 'central_asia',
      label: L('Asia Central', 'Central Asia', 'Asie centrale'),
      attributes: { mm: 'Central Asia' },
    },
    {
      code: 'southern_asia',
      label: L('Asia Meridional', 'Southern Asia', 'Asie du Sud'),
      attributes: { mm: 'Southern Asia|South Asia' },
    },
    {
      code: 'south_eastern_asia',
      label: L('Sudeste Asiático', 'South-eastern Asia', 'Asie du Sud-Est'),
      attributes: { mm: 'South-eastern Asia|Southeast Asia|South-Eastern Asia' },
    },
    {
      code: 'eastern_asia',
      label: L('Asia Oriental', 'Eastern Asia', 'Asie de l’Est'),
      attributes: { mm: 'Eastern Asia|East Asia' },
    },
  ],
  route: [
    {
      code: 'us_mexico_border',
      label: L(
        'Cruce de la frontera México–Estados Unidos',
        'US–Mexico border crossing',
        'Passage de la frontière États-Unis–Mexique',
      ),
      attributes: {
        mode: 'land',
        region: 'north_america',
        mm: 'US-Mexico border crossing',
        destination: 'USA',
      },
    },
    {
      code: 'central_america_to_us',
      label: L(
        'Centroamérica y México hacia Estados Unidos',
        'Central America and Mexico to the United States',
        'Amérique centrale et Mexique vers les États-Unis',
      ),
      attributes: { mode: 'land', region: 'central_america', destination: 'USA' },
    },
    {
      code: 'guatemala_mexico_border',
      label: L('Frontera Guatemala–México', 'Guatemala–Mexico border', 'Frontière Guatemala–Mexique'),
      attributes: { mode: 'land', region: 'central_america' },
    },
    {
      code: 'darien',
      label: L('Selva del Darién', 'Darién Gap', 'Bouchon du Darién'),
      attributes: { mode: 'land', region: 'central_america', mm: 'Darien|Darién' },
    },
    {
      code: 'pacific_corridor',
      label: L(
        'Corredor marítimo del Pacífico',
        'Pacific maritime corridor',
        'Corridor maritime du Pacifique',
      ),
      attributes: { mode: 'sea', region: 'central_america' },
    },
    {
      code: 'caribbean_to_us',
      label: L(
        'Caribe hacia Estados Unidos',
        'Caribbean to the United States',
        'Caraïbes vers les États-Unis',
      ),
      attributes: { mode: 'sea', region: 'caribbean', mm: 'Caribbean to US', destination: 'USA' },
    },
    {
      code: 'caribbean_to_central_america',
      label: L(
        'Caribe hacia Centroamérica',
        'Caribbean to Central America',
        'Caraïbes vers l’Amérique centrale',
      ),
      attributes: { mode: 'sea', region: 'caribbean', mm: 'Caribbean to Central America' },
    },
    {
      code: 'dominican_republic_to_puerto_rico',
      label: L(
        'República Dominicana hacia Puerto Rico (Canal de la Mona)',
        'Dominican Republic to Puerto Rico (Mona Passage)',
        'République dominicaine vers Porto Rico (canal de la Mona)',
      ),
      attributes: {
        mode: 'sea',
        region: 'caribbean',
        mm: 'Dominican Republic to Puerto Rico',
        destination: 'USA',
      },
    },
    {
      code: 'haiti_to_dominican_republic',
      label: L(
        'Haití hacia República Dominicana',
        'Haiti to the Dominican Republic',
        'Haïti vers la République dominicaine',
      ),
      attributes: {
        mode: 'land',
        region: 'caribbean',
        mm: 'Haiti to Dominican Republic',
        origin: 'HTI',
        destination: 'DOM',
      },
    },
    {
      code: 'venezuela_to_caribbean',
      label: L('Venezuela hacia el Caribe', 'Venezuela to the Caribbean', 'Venezuela vers les Caraïbes'),
      attributes: { mode: 'sea', region: 'caribbean', mm: 'Venezuela to Caribbean', origin: 'VEN' },
    },
    {
      code: 'air_arrivals_central_america',
      label: L(
        'Llegadas aéreas por Centroamérica',
        'Air arrivals through Central America',
        'Arrivées aériennes par l’Amérique centrale',
      ),
      attributes: { mode: 'air', region: 'central_america' },
    },
    {
      code: 'central_mediterranean',
      label: L('Mediterráneo central', 'Central Mediterranean', 'Méditerranée centrale'),
      attributes: { mode: 'sea', region: 'mediterranean', mm: 'Central Mediterranean' },
    },
    {
      code: 'western_mediterranean',
      label: L('Mediterráneo occidental', 'Western Mediterranean', 'Méditerranée occidentale'),
      attributes: { mode: 'sea', region: 'mediterranean', mm: 'Western Mediterranean' },
    },
    {
      code: 'eastern_mediterranean',
      label: L('Mediterráneo oriental', 'Eastern Mediterranean', 'Méditerranée orientale'),
      attributes: { mode: 'sea', region: 'mediterranean', mm: 'Eastern Mediterranean' },
    },
    {
      code: 'atlantic_canary_islands',
      label: L(
        'África Occidental / ruta atlántica a Canarias',
        'Western Africa / Atlantic route to the Canary Islands',
        'Afrique de l’Ouest / route atlantique vers les Canaries',
      ),
      attributes: {
        mode: 'sea',
        region: 'western_africa',
        mm: 'Western Africa / Atlantic route to the Canary Islands',
      },
    },
    {
      code: 'english_channel',
      label: L(
        'Europa continental al Reino Unido',
        'Mainland Europe to the UK',
        'Europe continentale vers le Royaume-Uni',
      ),
      attributes: {
        mode: 'sea',
        region: 'europe',
        mm: 'Mainland Europe to the UK|English Channel to the UK',
      },
    },
    {
      code: 'western_balkans',
      label: L('Balcanes occidentales', 'Western Balkans', 'Balkans occidentaux'),
      attributes: { mode: 'land', region: 'europe', mm: 'Western Balkans' },
    },
    {
      code: 'turkiye_europe_land',
      label: L(
        'Ruta terrestre Türkiye–Europa',
        'Türkiye–Europe land route',
        'Route terrestre Türkiye–Europe',
      ),
      attributes: {
        mode: 'land',
        region: 'europe',
        mm: 'Türkiye-Europe land route|Turkey-Europe land route',
      },
    },
    {
      code: 'belarus_eu_border',
      label: L('Frontera Belarús–UE', 'Belarus–EU border', 'Frontière Bélarus–UE'),
      attributes: { mode: 'land', region: 'europe', mm: 'Belarus-EU border' },
    },
    {
      code: 'eastern_route_ehoa',
      label: L(
        'Ruta oriental desde/hacia el Cuerno de África',
        'Eastern Route to/from the East and Horn of Africa',
        'Route orientale depuis/vers la Corne de l’Afrique',
      ),
      attributes: { mode: 'sea', region: 'eastern_africa', mm: 'Eastern Route to/from EHOA' },
    },
    {
      code: 'southern_route_ehoa',
      label: L(
        'Ruta meridional desde el Cuerno de África',
        'Southern Route from the East and Horn of Africa',
        'Route méridionale depuis la Corne de l’Afrique',
      ),
      attributes: { mode: 'land', region: 'eastern_africa', mm: 'Southern Route|Southern route from EHOA' },
    },
    {
      code: 'sahara_desert',
      label: L('Cruce del desierto del Sahara', 'Sahara Desert crossing', 'Traversée du Sahara'),
      attributes: { mode: 'land', region: 'northern_africa', mm: 'Sahara Desert crossing' },
    },
    {
      code: 'afghanistan_to_iran',
      label: L('Afganistán hacia Irán', 'Afghanistan to Iran', 'Afghanistan vers l’Iran'),
      attributes: { mode: 'land', region: 'southern_asia', mm: 'Afghanistan to Iran' },
    },
    {
      code: 'iran_to_turkiye',
      label: L('Irán hacia Türkiye', 'Iran to Türkiye', 'Iran vers la Türkiye'),
      attributes: { mode: 'land', region: 'western_asia', mm: 'Iran to Türkiye|Iran to Turkey' },
    },
    {
      code: 'bay_of_bengal',
      label: L(
        'Golfo de Bengala / mar de Andamán',
        'Bay of Bengal / Andaman Sea',
        'Golfe du Bengale / mer d’Andaman',
      ),
      attributes: { mode: 'sea', region: 'south_eastern_asia', mm: 'Bay of Bengal/Andaman Sea' },
    },
    {
      code: 'naf_river',
      label: L('Cruce del río Naf', 'Naf River crossing', 'Traversée de la rivière Naf'),
      attributes: { mode: 'land', region: 'southern_asia', mm: 'Naf River crossing' },
    },
    {
      code: 'mayotte',
      label: L(
        'Travesías marítimas a Mayotte',
        'Sea crossings to Mayotte',
        'Traversées maritimes vers Mayotte',
      ),
      attributes: { mode: 'sea', region: 'eastern_africa', mm: 'Sea crossings to Mayotte' },
    },
  ],
};

/** Statistical region of a country, for incidents whose report names no region. */
export const COUNTRY_REGIONS: Record<string, string> = {
  ...Object.fromEntries(
    ['BLZ', 'CRI', 'SLV', 'GTM', 'HND', 'MEX', 'NIC', 'PAN'].map((c) => [c, 'central_america']),
  ),
  ...Object.fromEntries(
    [
      'AIA',
      'ABW',
      'ATG',
      'BHS',
      'BRB',
      'BES',
      'BLM',
      'CUB',
      'CUW',
      'CYM',
      'DMA',
      'DOM',
      'GLP',
      'GRD',
      'HTI',
      'JAM',
      'KNA',
      'LCA',
      'MAF',
      'MSR',
      'MTQ',
      'PRI',
      'SXM',
      'TCA',
      'TTO',
      'VCT',
      'VGB',
      'VIR',
    ].map((c) => [c, 'caribbean']),
  ),
  USA: 'north_america',
  CAN: 'north_america',
  ...Object.fromEntries(
    ['ARG', 'BOL', 'BRA', 'CHL', 'COL', 'ECU', 'GUF', 'GUY', 'PER', 'PRY', 'SUR', 'URY', 'VEN'].map((c) => [
      c,
      'south_america',
    ]),
  ),
};
