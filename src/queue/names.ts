// The queues of wrangler.toml by name: work, webhook deliveries (their own consumer), and the dead letters of both.
export const QUEUE = {
  jobs: "lodestone-jobs",
  webhooks: "lodestone-webhooks",
  dead: "lodestone-dead",
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];
