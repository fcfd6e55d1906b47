/** How the core reports an error it survives; a shell may pass its own. */
export type Log = (message: string, error: unknown) => void;

/** The one place the core writes to the console: standard error, which both shells keep. */
export const logToStderr: Log = (message, error) => console.error(message, error);
