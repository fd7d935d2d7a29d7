/**
 * What the code may ask of the runtime without importing anything from `node:*`: environment variables
 * (Node's `process.env`, absent in browsers and workers) and a name for error messages. Every access
 * to `process` in code that also runs in a browser goes through here, guarded by `typeof`, so a bundle
 * for the browser needs no `process` shim (esbuild, Vite and webpack 5 provide none by default).
 */

interface ProcessLike {
  env?: Record<string, string | undefined>;
  version?: string;
  versions?: { node?: string };
  getBuiltinModule?: (name: string) => unknown;
}

function nodeProcess(): ProcessLike | undefined {
  const candidate = typeof process === 'object' ? (process as unknown as ProcessLike) : undefined;
  return candidate?.versions?.node ? candidate : undefined;
}

/** The value of an environment variable in Node; undefined in browsers, workers, Deno without permission. */
export function environmentVariable(name: string): string | undefined {
  try {
    return nodeProcess()?.env?.[name];
  } catch {
    // Deno throws when env access is not permitted; treat as unset.
    return undefined;
  }
}

/** `Node v20.20.2` or the browser's user agent, for messages such as "cannot run on this runtime". */
export function describeRuntime(): string {
  const node = nodeProcess();
  if (node?.version) return `Node ${node.version}`;
  const agent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
  return agent ? `"${agent}"` : 'an unknown JavaScript runtime';
}

/**
 * A Node built-in module without a static import (Node ≥ 20.16's `process.getBuiltinModule`), or
 * undefined elsewhere. For optional, Node-only tuning on paths that must also bundle for browsers.
 */
export function nodeBuiltin<T>(name: string): T | undefined {
  try {
    return nodeProcess()?.getBuiltinModule?.(name) as T | undefined;
  } catch {
    return undefined;
  }
}
