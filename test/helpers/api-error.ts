/**
 * For tests of server functions that should refuse: the ApiError a promise rejects with, so a
 * test can assert its code or message (and fails plainly when it resolves or throws anything else).
 */
import { ApiError } from '../../src/kit/server/errors.ts';

export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}
