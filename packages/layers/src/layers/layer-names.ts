/**
 * Keras-style automatic names: the first Dense of a process is `dense`, then `dense_1`, `dense_2`, …
 * One counter per prefix for the whole process, as Keras's `backend.get_uid(prefix)`; explicit names
 * do not advance it. `clearSession()` starts the counters over, as `keras.backend.clear_session()`.
 */
const counters = new Map<string, number>();

export function uniqueName(prefix: string): string {
  const n = counters.get(prefix) ?? 0;
  counters.set(prefix, n + 1);
  return n === 0 ? prefix : `${prefix}_${n}`;
}

/** Reset every automatic name counter (tests call this to get `dense`, `dense_1`, … again). */
export function clearSession(): void {
  counters.clear();
}
