/** Addresses of the basemap's place names (built by gazetteer.plugin.ts from GeoNames). */
declare module 'virtual:gazetteer' {
  export const majorUrl: string;
  export const minorUrl: string;
}
