import { environmentVariable, UnknownNameError } from '@backprop/core';
import type { BackendFactory } from './backend';
import { scratchBackendFactory } from './scratch-backend';

/**
 * The one place that picks the backend (Keras 3's `keras/src/backend/config.py` plays this role).
 * Order of precedence: `compile({ backend })`, then `setBackend(name)`, then the environment variable
 * `BACKPROP_BACKEND`, then the registered backend with the highest priority. An unknown name fails
 * loudly with the registered names, as Keras does for an unknown `KERAS_BACKEND`.
 *
 * Porting note: in Keras the environment variable wins over code; here explicit code wins, so a test
 * that calls `setBackend('scratch')` is not redirected by a stray `BACKPROP_BACKEND` in the shell.
 */

const factories = new Map<string, BackendFactory>([[scratchBackendFactory.name, scratchBackendFactory]]);
let chosen: string | null = null;

/**
 * Make a backend available by name. Plugins call this on import (tfjs's backends do the same with
 * `registerBackend(name, factory, priority)`); registering a name again replaces it.
 */
export function registerBackend(factory: BackendFactory): void {
  factories.set(factory.name, factory);
}

/** Registered backend names, the default (highest priority) first. */
export function getBackendNames(): string[] {
  return [...factories.values()].sort((a, b) => b.priority - a.priority).map((f) => f.name);
}

/** Choose the backend for models compiled from now on; throws `UnknownNameError` for an unregistered name. */
export function setBackend(name: string): void {
  lookup(name);
  chosen = name;
}

/** Name of the backend a `compile()` without `backend` would use now (Keras's `keras.backend.backend()`). */
export function getBackend(): string {
  return resolveBackend().name;
}

/** The factory for `name`, or the current choice when no name is given. */
export function resolveBackend(name?: string): BackendFactory {
  if (name !== undefined) return lookup(name);
  if (chosen !== null) return lookup(chosen);
  const fromEnv = environmentVariable('BACKPROP_BACKEND');
  if (fromEnv) return lookup(fromEnv);
  return lookup(getBackendNames()[0]);
}

function lookup(name: string): BackendFactory {
  const factory = factories.get(name);
  if (!factory) throw new UnknownNameError('backend', name, getBackendNames());
  return factory;
}

/** Whether `factory.create` can run now (a factory without `isReady` always can). */
export function isReady(factory: BackendFactory): boolean {
  return factory.isReady ? factory.isReady() : true;
}
