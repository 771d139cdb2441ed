/** Listening and closing a node:http server, one way for the service and the start-up gate. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Listens on `port` (0: any free port) and resolves with the port taken. */
export async function listenOn(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Stops accepting, drops every open connection (idle keep-alive ones too) and resolves once closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
