import { Type } from '@sinclair/typebox';
import type { Deps, SignedInContext } from '../../../../deps.ts';
import { retirePeerKey } from '../../../../use-cases/docking/retire-peer-key.ts';

/** Params and call of the key-retirement route (kept apart so link-admin.ts stays a list of routes). */
export const retireKeyOf = {
  params: Type.Object({
    id: Type.String({ minLength: 1, maxLength: 63 }),
    keyId: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  }),
  run: (
    deps: Deps,
    ctx: SignedInContext,
    params: { id: string; keyId: string },
    body: { at?: string | undefined },
  ) => retirePeerKey(deps, ctx, { peerId: params.id, keyId: params.keyId, at: body.at }),
};
