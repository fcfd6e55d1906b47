import { useEffect, useState } from 'react';

/** Hash routes (`#/kiosk`, `#/staff/queue`): they work the same from app:// and from http://. */
const read = () => location.hash.replace(/^#/, '') || '/';

export function useHashRoute(): string {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(path: string): void {
  location.hash = path;
}
