import type { Flag } from './schema';

/** The one place where SQL column values become wire values and back. */
export function toFlag(value: boolean): Flag {
  return value ? 1 : 0;
}

export function fromFlag(value: number): boolean {
  return value === 1;
}

export function toJsonText(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJsonText<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function codesFromText(text: string): string[] {
  return JSON.parse(text) as string[];
}

/** Copies only the keys whose value is not null: optional wire fields are omitted, never null. */
export function withoutNulls<T extends Record<string, unknown>>(
  record: T,
): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record))
    if (value !== null && value !== undefined) out[key] = value;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}
