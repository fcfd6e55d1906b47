import { useEffect, useState } from 'react';

/** The current time, refreshed every few seconds (the board's clock; minutes are what it shows). */
export function useClock(everyMs = 5000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
