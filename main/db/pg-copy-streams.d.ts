// pg-copy-streams ships no types: the two factories used here, as pg's Client.query accepts them.
declare module 'pg-copy-streams' {
  import type { Readable, Writable } from 'node:stream';
  import type { Submittable } from 'pg';
  export function from(text: string): Writable & Submittable;
  export function to(text: string): Readable & Submittable;
}
