/** Messages of /studygroup and /course. Korean is the source; English must have every key. */
export const ko = {} as const;

export const en = {} satisfies Record<keyof typeof ko, string>;
