import { ArgumentError } from '@backprop/core';
import type { Logs } from '../metrics/running-means';
import type { TrainingParams } from './callback';

/**
 * Throw when `monitor` cannot be among this fit's epoch logs (`params.metrics`: the loss, the compiled
 * metrics and, with validation, their `val_` twins), as Keras 3 raises for an unknown monitor: its
 * MonitorCallback._set_monitor_op (EarlyStopping, ReduceLROnPlateau) raises ValueError at the end of the
 * first epoch in mode 'auto' when the monitor is neither a loss nor a compiled metric. Porting note: Keras
 * only warns in mode 'min' / 'max' or for `val_loss` without validation data; here every monitor not
 * among the logs (`val_acc_x`, `val_loss` without validation data) is an error, before the first epoch.
 */
export function checkMonitorAvailable(callback: string, monitor: string, params: TrainingParams | null): void {
  if (params === null || params.metrics.includes(monitor)) return;
  throw new ArgumentError(`${callback} monitor "${monitor}" is not among this fit's logs; expected one of: ${params.metrics.join(', ')}${hint(monitor, params.metrics)}`);
}

/** The monitored value of one epoch's logs; missing (a callback used outside fit, or odd logs) throws. */
export function monitoredValue(callback: string, monitor: string, logs: Logs): number {
  const value = logs[monitor];
  if (value === undefined) {
    const keys = Object.keys(logs);
    throw new ArgumentError(`${callback} monitor "${monitor}" is not in the epoch logs; expected one of: ${keys.join(', ')}${hint(monitor, keys)}`);
  }
  return value;
}

function hint(monitor: string, available: readonly string[]): string {
  if (monitor.startsWith('val_') && !available.some((key) => key.startsWith('val_'))) {
    return ' (val_ values need validationData or validationSplit in fit)';
  }
  return '';
}
