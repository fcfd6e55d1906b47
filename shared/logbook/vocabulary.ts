/**
 * Words the queue, the guides, the logbook and the province's figures must share exactly.
 * Changing a key breaks history: add new keys, never rename old ones.
 */

/** How a visit ended (the logbook's "kết quả"); the desk's finish buttons use the same list. */
export const OUTCOMES = ['filed_online', 'filed_with_help', 'guided_only', 'referred', 'not_completed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Priority groups served first (seed §IV.4.1.f); a tick on the kiosk, no proof asked. */
export const PRIORITY_GROUPS = ['elderly', 'disability', 'pregnant', 'small_child'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

/** Common administrative procedures a citizen may name at check-in; guides map to these keys. */
export const COMMON_PROCEDURES = [
  'birth',
  'death',
  'marriage',
  'marital_status',
  'civil_status_copy',
  'permanent_residence',
  'temporary_residence',
  'land',
  'building_permit',
  'business',
  'health_insurance',
  'education_policy',
  'social_policy',
  'other',
] as const;
export type CommonProcedure = (typeof COMMON_PROCEDURES)[number];

/** Where and how help was given. */
export const CHANNELS = ['support_point', 'village', 'door_to_door', 'activity', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

export const GENDERS = ['female', 'male', 'other', 'unspecified'] as const;
export const AGE_BANDS = ['under_18', '18_34', '35_59', '60_plus', 'unknown'] as const;

/** Ethnic groups of Gia Lai most often met at a point; sensitive data, recorded only with consent. */
export const ETHNICITIES = [
  'kinh',
  'jrai',
  'bahnar',
  'xo_dang',
  'hre',
  'cham',
  'tay',
  'nung',
  'muong',
  'other',
] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

/** What got in the way most often, whatever the procedure; guides add their own common errors. */
export const OBSTACLES = [
  'no_internet',
  'portal_error',
  'vneid_not_level2',
  'forgot_password',
  'otp_not_received',
  'sim_not_own_name',
  'missing_documents',
  'photo_quality',
  'payment_failed',
  'no_smartphone',
  'language',
  'other',
] as const;
