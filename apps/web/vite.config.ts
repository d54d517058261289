import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { gazetteer } from './gazetteer.plugin';

// In development the API runs separately (`npm run enlace -- serve` or `npm start`) on port 8080;
// in production the server itself serves `dist/` and `/api/*` from one origin.
export default defineConfig({
  plugins: [react(), gazetteer()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:8080' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-textarea-autosize|react-number-format|tabbable)/,
            },
            // Only the dashboard and the map use these: their chunks load with those screens.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            {
              name: 'leaflet',
              test: /node_modules[\\/](leaflet|topojson-client|supercluster|kdbush|@turf|point-in-polygon-hao|robust-predicates)[\\/]/,
            },
            { name: 'lib', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
