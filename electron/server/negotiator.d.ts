/** The part of negotiator's API the static files use (its own types stop at 0.6, before `preferred`). */
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    /** The encoding to send among `available`: the client's highest q, then `preferred` order. */
    encoding(available: readonly string[], options?: { preferred?: readonly string[] }): string | undefined;
  }
}
