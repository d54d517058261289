/** Addresses of the basemap's place names and first-level areas (built by gazetteer.plugin.ts). */
declare module 'virtual:gazetteer' {
  export const majorUrl: string;
  export const minorUrl: string;
  export const admin1Url: string;
}
