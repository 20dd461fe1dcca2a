/** Which findings make a run fail. Kept apart from the zod schema so the check path can use it. */
export const FAIL_ON = ['affected', 'verify', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];
