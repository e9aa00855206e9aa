import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { dueDate } from '@sutiao/domain/lifecycles/deadline-rules.ts';
import type { FireResult } from '@sutiao/domain/lifecycles/state-machine.ts';
import type { BindingTypes, KernelRequest, LifecycleBinding, RunningDeadline } from './lifecycle-binding.ts';

type Decision<T extends BindingTypes> = Extract<FireResult<T['state'], T['guard']>, { ok: true }>;

/**
 * The deadline running after the transition: the row's new rule counted from today (Shanghai) on the binding's
 * calendar, the running one on a self-transition without its own, else none.
 */
export function runningDeadline<T extends BindingTypes, R extends KernelRequest<T>>(
  binding: LifecycleBinding<T, R>,
  decision: Decision<T>,
  before: T['row'],
  at: Date,
): RunningDeadline | undefined {
  const { deadlines } = binding;
  if (!deadlines) {
    if (decision.deadline)
      throw new Error(`lifecycle ${binding.lifecycle.name} sets a deadline it cannot store`);
    return undefined;
  }
  if (decision.deadline) {
    return {
      kind: decision.deadline.kind,
      date: dueDate(decision.deadline, todayInShanghai(at), deadlines.calendar),
    };
  }
  return decision.keepDeadline ? deadlines.current(before) : { kind: null, date: null };
}
