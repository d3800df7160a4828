import type { OrganisationKind, Role } from '@app/shared';

/** Who is acting: every use case receives it, every query is scoped by it. */
export interface Actor {
  userId: string;
  email: string;
  fullName: string;
  role: Role;
  organisationId: string;
  organisationKind: OrganisationKind;
  organisationName: string;
  organisationSiret: string | null;
  /** Facilitators: the buyers that mandated their structure (empty for the other roles). */
  mandatingBuyerIds: string[];
  sessionId: string;
}

export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent: string | null;
}
