import { ArgumentError } from '@backprop/core';

export type MonitorMode = 'auto' | 'min' | 'max';

/**
 * Whether a larger value of `monitor` is better — Keras's rule for mode 'auto': accuracy-like names
 * (containing `acc`) are maximised, everything else (losses, errors) minimised.
 */
export function isMaximised(monitor: string, mode: MonitorMode): boolean {
  if (mode !== 'auto' && mode !== 'min' && mode !== 'max') {
    throw new ArgumentError(`mode must be 'auto', 'min' or 'max', got ${JSON.stringify(mode)}`);
  }
  if (mode === 'auto') return monitor.includes('acc');
  return mode === 'max';
}
