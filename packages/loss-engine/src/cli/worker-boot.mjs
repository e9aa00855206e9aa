// Worker entry: worker threads do not inherit the tsx loader, so register it before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
