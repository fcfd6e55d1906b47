import type { ParseKeys } from 'i18next';
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { NAMESPACES, type Namespace } from '../../shared/i18n/resources';

/**
 * `useTranslation` with every namespace in reach: `t('key')` reads the screen's own namespace,
 * `t('common:actions.save')` any other, and the type checker knows every key
 * (renderer/app/i18next.d.ts), so a key that does not exist fails `npm run typecheck`.
 */
export function useT<const N extends Namespace>(ns: N, options?: UseTranslationOptions<undefined>) {
  const all: readonly [N, ...Namespace[]] = [ns, ...NAMESPACES];
  return useTranslation(all, options);
}

/** Every key of every namespace, as `ns:key`. */
export type AnyKey = { [N in Namespace]: `${N}:${ParseKeys<N>}` }[Namespace];

/**
 * A key that arrives as data (a field problem sent by the core, a weekday's number, a kind read
 * from a row): the type checker cannot follow it, so it is marked here, in one place. i18next
 * shows the key itself if one is missing, and `shared/i18n/resources.test.ts` keeps vi and en alike.
 */
export function dataKey(key: string): AnyKey {
  return key as AnyKey;
}

/** The `t` of `useT(ns)`, for helpers a screen hands it to. */
export type Translate<N extends Namespace> = ReturnType<typeof useT<N>>['t'];
