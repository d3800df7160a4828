export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is (for malformed or non-JSON bodies). */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

/** A tiny HTTP client that keeps the session cookie, like a browser would. */
export class Client {
  cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    let body: string | Buffer | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    const sid = res.headers.getSetCookie().find((c) => c.startsWith('sid='));
    if (sid) {
      const value = sid.split(';')[0]!;
      this.cookie = value === 'sid=' ? null : value;
    }
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  get = <T = any>(path: string, options?: RequestOptions) => this.request<T>('GET', path, options);
  post = <T = any>(path: string, body?: unknown, options: RequestOptions = {}) => this.request<T>('POST', path, { ...options, body });

  /** multipart/form-data: `data` as the JSON field, then the files under their field names. */
  async postMultipart<T = any>(path: string, data: unknown, files: Record<string, { name: string; content: Buffer | string; type?: string }> = {}): Promise<ApiResponse<T>> {
    const form = new FormData();
    form.set('data', JSON.stringify(data));
    for (const [field, file] of Object.entries(files)) form.set(field, new Blob([file.content], { type: file.type ?? 'application/octet-stream' }), file.name);
    const encoded = new Response(form);
    const rawBody = Buffer.from(await encoded.arrayBuffer());
    return this.request<T>('POST', path, { rawBody, headers: { 'content-type': encoded.headers.get('content-type')! } });
  }

  async login(email: string, password: string): Promise<this> {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`connexion impossible pour ${email} : ${res.status} ${res.text}`);
    return this;
  }
}
