// The one canonical JSON lives in the domain package (the docking protocol's pure core signs with it too).
export { canonicalJson } from '@sutiao/domain/canonical-json.ts';
