/** TanStack Query keys of the reader's notifications, from one place. */
export const notificationKeys = {
  all: ["notifications"] as const,
  bell: () => ["notifications", "bell"] as const,
};
