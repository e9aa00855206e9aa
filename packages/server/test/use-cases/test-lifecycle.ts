import type { SignedInContext } from '../../src/deps.ts';
import type { Lifecycle } from '@sutiao/domain/lifecycles/state-machine.ts';

/** A small lifecycle for the kernel's tests: open → approved (a judge, with a reason; 2 working days) → closed. */
type TestState = 'open' | 'approved' | 'closed';
type TestEvent = 'approve' | 'note' | 'close';
type TestGuard = 'reason-given';
type TestParty = 'judge' | 'clerk';
interface TestContext {
  isJudge: boolean;
  reason: string | undefined;
}

export const TEST_LIFECYCLE: Lifecycle<TestState, TestEvent, TestGuard, TestParty, TestContext> = {
  name: 'kernel-test',
  states: ['open', 'approved', 'closed'],
  events: ['approve', 'note', 'close'],
  terminalStates: ['closed'],
  guards: {
    'reason-given': {
      check: (ctx) => (ctx.reason ?? '').trim().length > 0,
      needsInput: true,
      zh: '须写明理由',
      en: 'a reason must be given',
    },
  },
  parties: { judge: (ctx) => ctx.isJudge, clerk: () => true },
  transitions: [
    {
      event: 'approve',
      from: ['open'],
      to: 'approved',
      actors: ['judge'],
      guards: ['reason-given'],
      deadline: { kind: 'answer', unit: 'working-days', count: 2 },
    },
    // A note leaves the state (and its running deadline) as it is.
    { event: 'note', from: ['open'], to: 'open', actors: ['clerk'], guards: [] },
    { event: 'note', from: ['approved'], to: 'approved', actors: ['clerk'], guards: [] },
    { event: 'close', from: ['approved'], to: 'closed', actors: ['clerk'], guards: [] },
  ],
};

export interface TestItem {
  id: string;
  status: string;
  version: number;
  updated_at: Date;
  next_deadline_kind: string | null;
  next_deadline_date: string | null;
  label: string;
}

/** The test lifecycle's rows and timeline, created in the test database only. */
export const KERNEL_TEST_TABLES = [
  `create table kernel_test_items (
     id text primary key, status text not null, version int not null, updated_at timestamptz not null,
     next_deadline_kind text, next_deadline_date text, label text not null)`,
  `create table kernel_test_timeline (
     item_id text not null, event text not null, from_status text not null, to_status text not null)`,
];

export interface KernelTestTypes {
  state: TestState;
  event: TestEvent;
  guard: TestGuard;
  party: TestParty;
  context: TestContext;
  ctx: SignedInContext;
  row: TestItem;
  changes: Partial<Pick<TestItem, 'label' | 'next_deadline_kind' | 'next_deadline_date'>>;
  input: { reason?: string };
  facts: { label: string };
  entry: { item_id: string; event: string; from_status: string; to_status: string };
}
