import type { Backend } from '../backend/backend';
import { ModelStateError } from './model-state-error';

/**
 * A backend that may still be under construction: `BackendFactory.create` can return a promise (a
 * tfjs backend awaits `tf.ready()`). Async calls wait for it; synchronous ones (`predict`) need it done.
 */
export class BackendHandle {
  private backend: Backend | null = null;
  private readonly pending: Promise<Backend>;
  private disposed = false;

  constructor(
    readonly name: string,
    create: () => Backend | Promise<Backend>,
  ) {
    const made = create();
    if (typeof (made as Promise<Backend>).then === 'function') {
      this.pending = (made as Promise<Backend>).then((backend) => {
        if (this.disposed) backend.dispose();
        else this.backend = backend;
        return backend;
      });
      // Failures surface from the next awaited call; do not report them as unhandled meanwhile.
      this.pending.catch(() => {});
    } else {
      this.backend = made as Backend;
      this.pending = Promise.resolve(made as Backend);
    }
  }

  /** The backend, waiting for it if needed. */
  ready(): Promise<Backend> {
    return this.pending;
  }

  /** The backend if it is ready, else null. */
  current(): Backend | null {
    return this.backend;
  }

  /** The backend now; `call` names the synchronous method for the message when it is not ready yet. */
  now(call: string): Backend {
    if (!this.backend) {
      throw new ModelStateError(`backend "${this.name}" is still loading; use ${call}Async() (or await model.ready()) instead of ${call}()`);
    }
    return this.backend;
  }

  dispose(): void {
    this.disposed = true;
    this.backend?.dispose();
    this.backend = null;
  }
}
