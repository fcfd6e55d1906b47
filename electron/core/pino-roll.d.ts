/** pino-roll ships no types; this is the part of its API the log uses (see its README). */
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';
  interface RollOptions {
    file: string;
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    mkdir?: boolean;
    mode?: number;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
  }
  export default function roll(options: RollOptions): Promise<
    DestinationStream & {
      flush(cb?: (err?: Error) => void): void;
      end(): void;
      once(event: 'close' | 'finish', listener: () => void): void;
    }
  >;
}
