import { v7 } from 'uuid';

/** A new UUIDv7: time-ordered, so ids sort roughly by creation. */
export function newId(): string {
  return v7();
}
