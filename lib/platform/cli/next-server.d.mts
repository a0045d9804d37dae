import type { IncomingMessage } from "node:http";

export declare const PEER_HEADER: "x-afterview-peer";
export declare function stampPeerAddress(req: IncomingMessage): void;
