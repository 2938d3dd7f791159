import type { IncomingMessage } from "node:http";

export const CLIENT_ADDRESS_HEADER: "x-vh-client-address";
export const MAX_BODY_BYTES: number;
export function trustedProxyHops(value: string | undefined): number;
export function clientAddressFor(req: Pick<IncomingMessage, "headers"> & { socket?: { remoteAddress?: string } }, hops: number): string;
export function declaresTooLargeBody(req: Pick<IncomingMessage, "headers">): boolean;
export function hasStreamedBody(req: Pick<IncomingMessage, "headers">): boolean;
export function readBodyWithinCap(req: IncomingMessage): Promise<Buffer | null>;
export function replayBody(req: IncomingMessage, body: Buffer): void;
