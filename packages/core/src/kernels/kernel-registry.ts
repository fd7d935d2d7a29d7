import { KernelError, UnknownNameError } from '../errors';
import { jsKernels } from './js-kernels';
import type { Kernels } from './kernels';
import { loadWasmKernels } from './wasm-kernels';

interface Registration {
  readonly name: string;
  readonly priority: number;
  /** Returns the kernel set, or null when it cannot run here (e.g. no WebAssembly SIMD). */
  readonly load: () => Kernels | null;
}

const registrations = new Map<string, Registration>();
let selected: Kernels | null = null;

/**
 * Register a kernel set. The highest-priority set that loads is used by default; the environment
 * variable `BACKPROP_KERNELS` forces one by name (an unknown name fails loudly, as Keras does for
 * `KERAS_BACKEND`).
 */
export function registerKernels(name: string, load: () => Kernels | null, priority = 0): void {
  registrations.set(name, { name, load, priority });
  selected = null;
}

export function registeredKernelNames(): string[] {
  return [...registrations.keys()];
}

/** Load a kernel set by name; throws if it is unknown or cannot run on this runtime. */
export function loadKernels(name: string): Kernels {
  const registration = registrations.get(name);
  if (!registration) throw new UnknownNameError('kernel set', name, registeredKernelNames());
  const kernels = registration.load();
  if (!kernels) throw new KernelError(`Kernel set "${name}" cannot run on this runtime (Node ${process.version})`);
  return kernels;
}

/** The kernel set chosen once per process: `BACKPROP_KERNELS`, else the best one that loads. */
export function getKernels(): Kernels {
  if (selected) return selected;
  const forced = process.env.BACKPROP_KERNELS;
  if (forced) {
    selected = loadKernels(forced);
    return selected;
  }
  const ordered = [...registrations.values()].sort((x, y) => y.priority - x.priority);
  for (const registration of ordered) {
    const kernels = registration.load();
    if (kernels) {
      selected = kernels;
      return kernels;
    }
  }
  selected = jsKernels;
  return selected;
}

/** Override the process-wide choice (tests run every suite against each kernel set this way). */
export function setKernels(kernels: Kernels | string): void {
  selected = typeof kernels === 'string' ? loadKernels(kernels) : kernels;
}

registerKernels('js', () => jsKernels, 0);
// WebAssembly SIMD kernels are the default wherever they load; loadWasmKernels() returns null (and the
// js kernels are used) when the runtime lacks SIMD or the .wasm file is missing.
// Their thread count is the platform's default (Node: BACKPROP_THREADS, see node-thread-pool.ts).
registerKernels('wasm', () => loadWasmKernels(), 10);

/** `wasm kernels, relaxed SIMD (FMA)` or `js kernels`: what computes, for reports and benchmark tables. */
export function describeKernels(kernels: Kernels = getKernels()): string {
  return `${kernels.name} kernels${kernels.detail ? `, ${kernels.detail}` : ''}`;
}
