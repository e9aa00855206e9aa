import { Type } from '@sinclair/typebox';
import type { Deps } from '../../../../deps.ts';
import { CONSENT_KINDS, CURRENT_CONSENTS } from '@sutiao/domain/consents.ts';
import { listMediators } from '../../../../use-cases/mediation/cases/list-mediators.ts';
import { listOrganizations } from '../../../../use-cases/mediation/cases/list-organizations.ts';
import type { RouteApp } from '../../route-module.ts';
import { component, Id, Nullable, replies } from '../common/shared.schemas.ts';

const OrganizationKind = Type.Union([Type.Literal('firm'), Type.Literal('mediation')]);
const OrganizationQuery = Type.Object(
  { kind: Type.Optional(OrganizationKind) },
  { additionalProperties: false },
);
const OrganizationList = Type.Object({
  items: Type.Array(
    component(
      'Organization',
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        kind: Type.String(),
        firmType: Nullable(Type.String()),
        region: Nullable(Type.String()),
      }),
    ),
  ),
});
const MediatorQuery = Type.Object({ organizationId: Type.Optional(Id) }, { additionalProperties: false });
const MediatorList = Type.Object({
  items: Type.Array(
    component(
      'Mediator',
      Type.Object({
        id: Type.String(),
        displayName: Type.String(),
        organizationName: Type.String(),
        specialties: Type.Array(Type.String()),
        workstation: Nullable(Type.String()),
      }),
    ),
  ),
});
const ConsentList = Type.Object({
  items: Type.Array(
    component(
      'Consent',
      Type.Object({
        kind: Type.Union(CONSENT_KINDS.map((kind) => Type.Literal(kind))),
        version: Type.String(),
        title: Type.String(),
        text: Type.String(),
      }),
    ),
  ),
});

/** Registries the application form needs: respondent firms, mediation organizations, the roster, consent texts. */
export function directoryRoutes(app: RouteApp, deps: Deps) {
  app.get(
    '/api/organizations',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['directory'],
        summary: 'Respondent registry (kind=firm) or mediation organizations (kind=mediation)',
        querystring: OrganizationQuery,
        response: replies({ 200: OrganizationList }),
      },
    },
    async (request) => listOrganizations(deps, request.query),
  );
  app.get(
    '/api/mediators',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['directory'],
        summary: 'Public mediator roster, optionally of one organization and its workstations',
        querystring: MediatorQuery,
        response: replies({ 200: MediatorList }),
      },
    },
    async (request) => listMediators(deps, request.query),
  );
  app.get(
    '/api/consents/current',
    {
      config: { access: 'public' },
      schema: {
        tags: ['directory'],
        summary: 'Current consent texts',
        response: replies({ 200: ConsentList }),
      },
    },
    async () => ({ items: CONSENT_KINDS.map((kind) => CURRENT_CONSENTS[kind]) }),
  );
}
