import type { ReactNode } from 'react';
import type { CommonProcedure } from '#shared/logbook/vocabulary';
import type { HelpKind } from '#shared/team/schemas';

type IconName =
  | HelpKind
  | CommonProcedure
  | 'priority'
  | 'language'
  | 'contact'
  | 'sound'
  | 'camera'
  | 'clock'
  | 'hand';

/** One picture per procedure the kiosk offers, so the tile can be found without reading. */
const PROCEDURE_PATHS: Record<Exclude<CommonProcedure, 'other'>, ReactNode> = {
  // A baby in a cradle.
  birth: (
    <>
      <circle cx="32" cy="20" r="9" />
      <path d="M10 34h44c0 12-10 20-22 20S10 46 10 34z" />
      <path d="M18 58l4-6M46 58l-4-6" />
    </>
  ),
  // A candle and a flower: a death.
  death: (
    <>
      <rect x="26" y="24" width="12" height="32" rx="2" />
      <path d="M32 24v-6M32 8c4 4 4 8 0 10-4-2-4-6 0-10z" />
      <path d="M10 56h44" />
    </>
  ),
  // Two rings.
  marriage: (
    <>
      <circle cx="24" cy="38" r="14" />
      <circle cx="40" cy="38" r="14" />
      <path d="M28 12l4 6 4-6" />
    </>
  ),
  // A person and a tick: marital status confirmed.
  marital_status: (
    <>
      <circle cx="24" cy="18" r="9" />
      <path d="M6 54c0-11 8-18 18-18s18 7 18 18" />
      <path d="M40 30l6 6 12-12" />
    </>
  ),
  // Two stacked papers: a copy.
  civil_status_copy: (
    <>
      <rect x="10" y="14" width="30" height="40" rx="3" />
      <path d="M22 8h28a3 3 0 0 1 3 3v37" />
      <path d="M16 26h18M16 34h18M16 42h12" />
    </>
  ),
  // A house with a person: permanent residence.
  permanent_residence: (
    <>
      <path d="M6 30L32 8l26 22" />
      <path d="M12 26v30h40V26" />
      <circle cx="32" cy="32" r="5" />
      <path d="M24 50c0-5 4-8 8-8s8 3 8 8" />
    </>
  ),
  // A house with a clock: temporary residence.
  temporary_residence: (
    <>
      <path d="M4 30L26 10l22 20" />
      <path d="M9 26v28h30" />
      <circle cx="46" cy="44" r="12" />
      <path d="M46 37v7l5 3" />
    </>
  ),
  // A plot of land with a marker.
  land: (
    <>
      <path d="M6 50l14-30h24l14 30z" />
      <path d="M32 14c-5 0-8 4-8 8 0 6 8 14 8 14s8-8 8-14c0-4-3-8-8-8z" />
      <circle cx="32" cy="22" r="2" />
    </>
  ),
  // A crane and a wall: building permit.
  building_permit: (
    <>
      <path d="M14 58V10h4v48M10 10h40l-6 8" />
      <path d="M44 18v10" />
      <rect x="30" y="36" width="24" height="22" />
      <path d="M30 46h24M42 36v22" />
    </>
  ),
  // A shop front with a sign: business registration.
  business: (
    <>
      <rect x="8" y="22" width="48" height="34" rx="2" />
      <path d="M4 22l8-12h40l8 12" />
      <rect x="26" y="36" width="12" height="20" />
      <path d="M14 30h8M42 30h8" />
    </>
  ),
  // A card with a cross: health insurance.
  health_insurance: (
    <>
      <rect x="6" y="14" width="52" height="36" rx="5" />
      <path d="M32 22v20M22 32h20" />
    </>
  ),
  // A book and a graduation cap: education policy.
  education_policy: (
    <>
      <path d="M6 22l26-12 26 12-26 12z" />
      <path d="M16 28v12c0 4 8 8 16 8s16-4 16-8V28" />
      <path d="M54 24v16" />
    </>
  ),
  // Hands holding a heart: social policy.
  social_policy: (
    <>
      <path d="M32 30c-6-8-18-4-14 6 2 5 14 12 14 12s12-7 14-12c4-10-8-14-14-6z" />
      <path d="M6 44l12 10h20M58 44L46 54" />
    </>
  ),
};

/** Simple line pictures, drawn here so they work offline; words always go with them. */
const PATHS: Record<IconName, ReactNode> = {
  // A form with a globe: online public service.
  dvc: (
    <>
      <rect x="12" y="6" width="32" height="44" rx="3" />
      <path d="M18 16h20M18 24h20M18 32h12" />
      <circle cx="44" cy="44" r="12" />
      <path d="M32 44h24M44 32c-5 6-5 18 0 24M44 32c5 6 5 18 0 24" />
    </>
  ),
  // A phone with an ID card.
  vneid: (
    <>
      <rect x="16" y="4" width="32" height="56" rx="5" />
      <rect x="21" y="16" width="22" height="16" rx="2" />
      <circle cx="27" cy="23" r="3" />
      <path d="M33 22h7M33 27h7M28 50h8" />
    </>
  ),
  // A card and coins.
  payment: (
    <>
      <rect x="4" y="14" width="40" height="28" rx="4" />
      <path d="M4 22h40M10 34h10" />
      <circle cx="48" cy="42" r="10" />
      <path d="M48 37v10M45 40h6" />
    </>
  ),
  // A pen signing a line.
  signature: (
    <>
      <path d="M8 50c6-10 10-10 12-4s6 6 10-2M36 48h22" />
      <path d="M40 36l16-24 5 4-16 24-7 3z" />
    </>
  ),
  // A smartphone with app squares.
  smartphone: (
    <>
      <rect x="16" y="4" width="32" height="56" rx="5" />
      <rect x="22" y="12" width="8" height="8" rx="2" />
      <rect x="34" y="12" width="8" height="8" rx="2" />
      <rect x="22" y="24" width="8" height="8" rx="2" />
      <rect x="34" y="24" width="8" height="8" rx="2" />
      <path d="M28 52h8" />
    </>
  ),
  // A shop front with a basket.
  ecommerce: (
    <>
      <path d="M6 24l6-14h40l6 14z" />
      <path d="M10 24v30h44V24" />
      <path d="M22 54V38h20v16" />
      <path d="M6 24c0 5 8 5 8 0 0 5 8 5 8 0 0 5 8 5 8 0 0 5 8 5 8 0 0 5 8 5 8 0 0 5 8 5 8 0" />
    </>
  ),
  // A shield with an exclamation mark.
  scam: (
    <>
      <path d="M32 4l22 8v16c0 14-10 26-22 32C20 54 10 42 10 28V12z" />
      <path d="M32 18v18" />
      <circle cx="32" cy="44" r="2" />
    </>
  ),
  // A question mark in a speech bubble.
  other: (
    <>
      <path d="M8 12h48v32H26l-12 10V44H8z" />
      <path d="M26 22c0-8 12-8 12 0 0 5-6 5-6 10" />
      <circle cx="32" cy="38" r="1.5" />
    </>
  ),
  priority: (
    <>
      <circle cx="24" cy="10" r="5" />
      <path d="M24 16v20l10 20M24 36l-8 20M14 26h20M40 28v28" />
    </>
  ),
  language: (
    <>
      <path d="M6 10h30v20H20l-8 8v-8H6z" />
      <path d="M28 34h30v20h-6v8l-8-8H28z" />
    </>
  ),
  contact: (
    <>
      <circle cx="32" cy="20" r="10" />
      <path d="M12 56c0-12 9-20 20-20s20 8 20 20" />
    </>
  ),
  // A loudspeaker with sound waves.
  sound: (
    <>
      <path d="M8 24h10l14-12v40L18 40H8z" />
      <path d="M40 24c4 4 4 12 0 16M46 18c8 8 8 20 0 28" />
    </>
  ),
  // A camera: take a photo of the number.
  camera: (
    <>
      <rect x="6" y="18" width="52" height="36" rx="5" />
      <path d="M22 18l4-8h12l4 8" />
      <circle cx="32" cy="36" r="10" />
    </>
  ),
  // A clock: opening hours.
  clock: (
    <>
      <circle cx="32" cy="32" r="26" />
      <path d="M32 16v16l11 7" />
    </>
  ),
  // A hand raised: "I am still here".
  hand: (
    <>
      <path d="M22 34V14a4 4 0 0 1 8 0v16M30 28V10a4 4 0 0 1 8 0v18M38 28V14a4 4 0 0 1 8 0v22c0 12-8 22-18 22-8 0-12-4-16-10l-6-10a4 4 0 0 1 7-4l5 6" />
    </>
  ),
  ...PROCEDURE_PATHS,
};

export function QueueIcon({ name, size = 72 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="queue-icon"
      width={size}
      height={size}
      viewBox="0 0 64 64"
      fill="none"
      stroke="currentColor"
      strokeWidth="3"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
