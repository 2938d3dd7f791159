export function provisionTestDatabase(options?: { seedPassword?: string }): Promise<{ url: string; seedPassword: string; teardown: () => Promise<void> }>;
