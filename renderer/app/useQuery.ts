import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventName, Input, MethodName, Output } from '#shared/contract';
import { api, ApiError } from '../api/client';

interface QueryState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Read through the contract and read again when one of `refreshOn` events arrives, so every
 * screen shows the same truth within a moment of a change anywhere on the point.
 */
export function useQuery<N extends MethodName>(
  name: N,
  input: Input<N>,
  options: { refreshOn?: readonly EventName[]; enabled?: boolean } = {},
): QueryState<Output<N>> {
  const [data, setData] = useState<Output<N>>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input);
  const serial = useRef(0);
  const enabled = options.enabled ?? true;

  const load = useCallback(() => {
    if (!enabled) return;
    const mine = ++serial.current;
    api.call(name, JSON.parse(key)).then(
      (result) => {
        if (mine !== serial.current) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== serial.current) return;
        setError(
          e instanceof ApiError ? e : new ApiError({ code: 'internal', message: { vi: String(e), en: String(e) } }),
        );
        setLoading(false);
      },
    );
  }, [name, key, enabled]);

  useEffect(() => load(), [load]);
  const refreshOn = (options.refreshOn ?? []).join(',');
  useEffect(() => {
    if (!refreshOn) return;
    const names = refreshOn.split(',');
    return api.subscribe(
      (event) => {
        if (names.includes(event.name)) load();
      },
      (connected) => connected && load(),
    );
  }, [refreshOn, load]);

  return { data, error, loading, reload: load };
}
