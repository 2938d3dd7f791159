import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

export const SERVED_METHODS: string[];
export function repairPathEscapes(target: string): string;
export function refuseTunnel(req: IncomingMessage, socket: Duplex): void;
export function screenRequest(req: IncomingMessage, res: ServerResponse): boolean;
