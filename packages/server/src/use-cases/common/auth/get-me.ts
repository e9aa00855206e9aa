import { permissionsOf } from '@sutiao/domain/permissions.ts';
import type { ActorProfile } from './load-actor.ts';

/** The signed-in user's profile and the permissions the screens are built from. */
export function presentMe(profile: ActorProfile, csrfToken: string) {
  return {
    user: {
      id: profile.actor.userId,
      username: profile.username,
      displayName: profile.displayName,
      roles: profile.actor.roles,
      platform: profile.actor.platform,
      organizationId: profile.actor.organizationId,
      organizationName: profile.organizationName,
    },
    permissions: permissionsOf(profile.actor),
    csrfToken,
  };
}
