// aws4 ships no types; this is the part Tayang uses.
declare module 'aws4' {
  interface SignableRequest {
    host?: string;
    path?: string;
    method?: string;
    service?: string;
    region?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }
  const aws4: { sign<T extends SignableRequest>(request: T, credentials: { accessKeyId: string; secretAccessKey: string }): T & { headers: Record<string, string> } };
  export default aws4;
}
