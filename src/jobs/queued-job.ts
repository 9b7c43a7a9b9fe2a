// A queue message with its parsed body: what every job handler is given.
export type QueuedJob<B> = { msg: Message<unknown>; body: B };
