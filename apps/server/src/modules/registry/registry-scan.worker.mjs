// Worker entry: worker threads do not inherit the TypeScript loader of the main thread on
// Node 20, so register it here before loading the worker's TypeScript module.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./registry-scan.worker.ts');
export default worker.default;
