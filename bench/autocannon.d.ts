// The few parts of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module "autocannon" {
  interface TAutocannonOptions {
    url: string;
    connections?: number;
    duration?: number;
    method?: "GET" | "POST";
    headers?: Record<string, string>;
    body?: string;
    /** Each connection goes through these in turn; setupRequest may rewrite one before it is sent. */
    requests?: TAutocannonRequest[];
  }
  interface TAutocannonRequest {
    method?: "GET" | "POST";
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: TAutocannonRequest) => TAutocannonRequest;
  }
  interface THistogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  }
  interface TAutocannonResult {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    requests: THistogram;
    latency: THistogram;
    throughput: THistogram;
  }
  function autocannon(options: TAutocannonOptions): Promise<TAutocannonResult>;
  export default autocannon;
  export type { TAutocannonOptions, TAutocannonRequest, TAutocannonResult };
}
