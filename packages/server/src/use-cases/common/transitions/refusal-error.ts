import { type AppError, appError } from '@sutiao/domain/errors.ts';
import type { FireResult } from '@sutiao/domain/lifecycles/state-machine.ts';
import type { BindingTypes, KernelRequest, LifecycleBinding } from './lifecycle-binding.ts';

type Refusal<T extends BindingTypes> = Exclude<FireResult<T['state'], T['guard']>, { ok: true }>;

/** The error of a refused event: the same codes for every lifecycle, a failed guard named in zh and en. */
export function refusalError<T extends BindingTypes, R extends KernelRequest<T>>(
  binding: LifecycleBinding<T, R>,
  refusal: Refusal<T>,
  state: T['state'],
  event: T['event'],
): AppError {
  switch (refusal.code) {
    case 'CASE_ILLEGAL_EVENT':
      return appError('CASE_ILLEGAL_EVENT', {
        state: binding.labels?.state(state) ?? state,
        event: binding.labels?.event(event) ?? event,
      });
    case 'FORBIDDEN':
      return appError('FORBIDDEN');
    case 'GUARD_FAILED': {
      const guard = binding.lifecycle.guards[refusal.guard];
      return appError('GUARD_FAILED', { guard: { zh: guard.zh, en: guard.en } }, { guard: refusal.guard });
    }
  }
}
