// Vitest runs lib/ modules outside Next's react-server bundle; `server-only` would throw there.
export {};
