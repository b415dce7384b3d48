/** Messages of the instructor commands (/studygroup, /course, /leaderboard, /stats). Korean is the source. */
export const ko = {} as const;

export const en = {} satisfies Record<keyof typeof ko, string>;
