/**
 * Who hears whom in a session. Everyone admitted sits in the main room until the mediator takes one side (a party
 * with their agent) into a private caucus (背对背调解): then the mediator and that side are in the caucus room and the
 * others wait in the main room. A message — a peer-connection offer, an ICE candidate, a chat line — goes only
 * between two admitted people in the same room; the server applies this rule, so a client cannot reach across rooms.
 */
export const SESSION_SIDES = ['investor', 'respondent'] as const;
export type PartySide = (typeof SESSION_SIDES)[number];

/** What a participant is in the session: the mediator, one of a side's people, or the court's observing judge. */
export type SeatRole = 'mediator' | 'party' | 'agent' | 'observer';

export type Presence = 'waiting' | 'admitted' | 'away';

export const MAIN_ROOM = 'main';
export type RoomName = typeof MAIN_ROOM | `caucus-${PartySide}`;

export interface Seat {
  userId: string;
  role: SeatRole;
  /** The side a party or agent belongs to; null for the mediator and an observer. */
  side: PartySide | null;
  presence: Presence;
}

export interface RoomsState {
  seats: ReadonlyMap<string, Seat>;
  /** The side in caucus with the mediator, or null when everyone is in the main room. */
  caucus: PartySide | null;
}

export const caucusRoom = (side: PartySide): RoomName => `caucus-${side}`;

/** The room a seat is in: with the mediator in caucus when its side is, otherwise the main room. */
export function roomOf(seat: Pick<Seat, 'role' | 'side'>, caucus: PartySide | null): RoomName {
  if (caucus === null) return MAIN_ROOM;
  if (seat.role === 'mediator' || seat.side === caucus) return caucusRoom(caucus);
  return MAIN_ROOM;
}

/** Whether `from` may send anything to `to` now: both admitted and in the same room. */
export function mayReach(state: RoomsState, from: string, to: string): boolean {
  if (from === to) return false;
  const a = state.seats.get(from);
  const b = state.seats.get(to);
  if (!a || !b || a.presence !== 'admitted' || b.presence !== 'admitted') return false;
  return roomOf(a, state.caucus) === roomOf(b, state.caucus);
}

/** Everyone `from` reaches now, in seat order. */
export function roomMates(state: RoomsState, from: string): string[] {
  return [...state.seats.keys()].filter((to) => mayReach(state, from, to));
}

/** Whether a side can go into caucus: someone of that side is admitted. */
export function sideIsPresent(state: RoomsState, side: PartySide): boolean {
  return [...state.seats.values()].some((s) => s.side === side && s.presence === 'admitted');
}
