import { backupsMethods } from '../backups/contract';
import { logbookMethods } from '../logbook/contract';
import { settingsMethods } from '../settings/contract';
import { teamMethods } from '../team/contract';
import { guidesMethods } from '../guides/contract';
import { queueMethods } from '../queue/contract';
import { uploadsMethods } from '../uploads/contract';
import { reportsMethods } from '../reports/contract';
import { communityMethods } from '../community/contract';
import type { InputOf, MethodTable, OutputOf } from './define';

/** The whole API: every method once. Transports and the renderer's client derive from this. */
export const methods = {
  ...settingsMethods,
  ...teamMethods,
  ...guidesMethods,
  ...queueMethods,
  ...backupsMethods,
  ...logbookMethods,
  ...uploadsMethods,
  ...reportsMethods,
  ...communityMethods,
} as const satisfies MethodTable;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type Input<N extends MethodName> = InputOf<Methods[N]>;
export type Output<N extends MethodName> = OutputOf<Methods[N]>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

export * from './define';
export * from './errors';
export * from './events';
export * from './roles';
export * from './files';
export * from './one-of';
