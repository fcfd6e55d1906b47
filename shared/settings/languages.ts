// Without zod, so the citizen screens can load them without the schemas.
export const MINORITY_LANGUAGES = ['jrai', 'bahnar'] as const;
export const LANGUAGES = ['vi', 'jrai', 'bahnar', 'en', 'other'] as const;
export type Language = (typeof LANGUAGES)[number];
