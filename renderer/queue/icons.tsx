import type { ReactNode } from 'react';
import type { HelpKind } from '../../shared/team/schemas';

/** Simple line pictures, drawn here so they work offline; words always go with them. */
const PATHS: Record<HelpKind | 'priority' | 'language' | 'contact', ReactNode> = {
  // A form with a globe: online public service.
  dvc: <><rect x="12" y="6" width="32" height="44" rx="3" /><path d="M18 16h20M18 24h20M18 32h12" /><circle cx="44" cy="44" r="12" /><path d="M32 44h24M44 32c-5 6-5 18 0 24M44 32c5 6 5 18 0 24" /></>,
  // A phone with an ID card.
  vneid: <><rect x="16" y="4" width="32" height="56" rx="5" /><rect x="21" y="16" width="22" height="16" rx="2" /><circle cx="27" cy="23" r="3" /><path d="M33 22h7M33 27h7M28 50h8" /></>,
  // A card and coins.
  payment: <><rect x="4" y="14" width="40" height="28" rx="4" /><path d="M4 22h40M10 34h10" /><circle cx="48" cy="42" r="10" /><path d="M48 37v10M45 40h6" /></>,
  // A pen signing a line.
  signature: <><path d="M8 50c6-10 10-10 12-4s6 6 10-2M36 48h22" /><path d="M40 36l16-24 5 4-16 24-7 3z" /></>,
  // A smartphone with app squares.
  smartphone: <><rect x="16" y="4" width="32" height="56" rx="5" /><rect x="22" y="12" width="8" height="8" rx="2" /><rect x="34" y="12" width="8" height="8" rx="2" /><rect x="22" y="24" width="8" height="8" rx="2" /><rect x="34" y="24" width="8" height="8" rx="2" /><path d="M28 52h8" /></>,
  // A shop front with a basket.
  ecommerce: <><path d="M6 24l6-14h40l6 14z" /><path d="M10 24v30h44V24" /><path d="M22 54V38h20v16" /><path d="M6 24c0 5 8 5 8 0 0 5 8 5 8 0 0 5 8 5 8 0 0 5 8 5 8 0 0 5 8 5 8 0 0 5 8 5 8 0" /></>,
  // A shield with an exclamation mark.
  scam: <><path d="M32 4l22 8v16c0 14-10 26-22 32C20 54 10 42 10 28V12z" /><path d="M32 18v18" /><circle cx="32" cy="44" r="2" /></>,
  // A question mark in a speech bubble.
  other: <><path d="M8 12h48v32H26l-12 10V44H8z" /><path d="M26 22c0-8 12-8 12 0 0 5-6 5-6 10" /><circle cx="32" cy="38" r="1.5" /></>,
  priority: <><circle cx="24" cy="10" r="5" /><path d="M24 16v20l10 20M24 36l-8 20M14 26h20M40 28v28" /></>,
  language: <><path d="M6 10h30v20H20l-8 8v-8H6z" /><path d="M28 34h30v20h-6v8l-8-8H28z" /></>,
  contact: <><circle cx="32" cy="20" r="10" /><path d="M12 56c0-12 9-20 20-20s20 8 20 20" /></>,
};

export function QueueIcon({ name, size = 72 }: { name: keyof typeof PATHS; size?: number }) {
  return (
    <svg className="queue-icon" width={size} height={size} viewBox="0 0 64 64" fill="none" stroke="currentColor"
      strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {PATHS[name]}
    </svg>
  );
}
