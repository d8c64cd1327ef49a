/**
 * What the filters and interceptors write to an answer: the methods Fastify's
 * reply and Express's response share (status, header, send with a JSON body).
 */
export interface HttpReply {
  status(code: number): HttpReply;
  header(name: string, value: string): HttpReply;
  send(body: unknown): unknown;
}
