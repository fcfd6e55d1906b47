import type { App } from '../app';
import { ensureIdentity } from './identity';

/**
 * The demo point gets its signing key as a real point does at setup. No province key: the demo
 * shows the warning an admin sees until the province issues one.
 */
export async function seedUploadsDemo(app: App): Promise<void> {
  await ensureIdentity(app.db, app.now());
}
