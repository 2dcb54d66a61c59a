/** Settings read from the environment once at start; a bad value stops the start with a clear message. */

export type Env = Record<string, string | undefined>;

/** A whole number of at least 1, or `fallback` when the variable is unset or empty. */
export function positiveIntegerSetting(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1, not "${raw}"`);
  }
  return value;
}
