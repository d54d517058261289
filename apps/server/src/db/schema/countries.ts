export interface CountriesTable {
  code: string;
  kind: string;
  /** JSON {es, en, fr} */
  names: string;
  active: number;
}
