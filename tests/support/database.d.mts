export function provisionTestDatabase(options?: { seedPassword?: string }): Promise<{ url: string; seedPassword: string; teardown: () => Promise<void> }>;
export function startEmbeddedDatabase(port: number): Promise<{ url: string; child: import("node:child_process").ChildProcess }>;
