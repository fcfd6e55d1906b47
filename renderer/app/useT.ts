import type { ParseKeys } from 'i18next';
import { useTranslation, type UseTranslationOptions, type UseTranslationResponse } from 'react-i18next';
import type { Namespace } from '#shared/i18n/resources';

/**
 * `useTranslation(ns)` whose `t` knows every key: `t('key')` reads the screen's own namespace,
 * `t('common:actions.save')` any other, and a key that does not exist fails `npm run typecheck`
 * (renderer/app/i18next.d.ts). At run time it is `useTranslation(ns)` itself: only `ns` is
 * waited for (the citizen pages load their texts alone), and an `ns:` prefix is resolved by
 * i18next as always; the type says so, which is the one cast here.
 */
export function useT<const N extends Namespace>(ns: N, options?: UseTranslationOptions<undefined>) {
  return useTranslation(ns, options) as unknown as UseTranslationResponse<readonly [N, ...Namespace[]], undefined>;
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
