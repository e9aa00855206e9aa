import { ensureWebBuilt } from '../../scripts/ensure-installed.mjs';

/** The journeys drive the built client that the platforms serve. */
export default function setup() {
  ensureWebBuilt();
}
