/** What every event use case receives: the case, the version the client read, and the event's body. */
export type CaseEventInput<Body = object> = { caseId: string; expectedVersion: number } & Body;
