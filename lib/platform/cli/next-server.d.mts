import type { IncomingMessage, ServerResponse } from "node:http";

export declare const PEER_HEADER: "x-afterview-peer";
export declare function stampPeerAddress(req: IncomingMessage): void;
export declare const INSTANCE_HEADER: "X-Afterview-Instance";
export declare function instanceName(configured: string | undefined): string;
export declare function requestListener(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  instance: string,
): (req: IncomingMessage, res: ServerResponse) => void;
