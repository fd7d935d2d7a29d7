/** True when `error` is Node's "Cannot find module 'name'" (and not a missing dependency of that module). */
export function isMissingModule(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'MODULE_NOT_FOUND' && messageOf(error).includes(`'${name}'`);
}

/** The first line of an error's message. */
export function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
