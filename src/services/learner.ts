/** A learner: one Discord user in one server. Services key everything on both ids. */
export interface Learner {
  guildId: string;
  userId: string;
}
