export interface AgenciesTable {
  id: string;
  country_code: string;
  kind: string;
  /** JSON {es, en, fr} */
  names: string;
  acronym: string | null;
  active: number;
  created_at: string;
}
