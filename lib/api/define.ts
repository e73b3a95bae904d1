import type { z } from "zod";
import type { ApiPrincipal } from "@/lib/api/keys";
import type { ApiScope } from "@/lib/api/scopes";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export type ApiContext<P, Q, B> = {
  params: P;
  query: Q;
  body: B;
  principal: ApiPrincipal;
  now: Date;
  /** For a binary body: its declared type and the file name from the query. */
  raw: Request;
};

export type ApiAnswer = { status?: number; body: unknown; subjectId?: string | null };

/** One endpoint: its place, its scopes, its schemas (validation and documentation both) and its work. */
export type Endpoint = {
  operationId: string;
  method: HttpMethod;
  /** Under /api/v1, with {name} for a path parameter: "/requests/{id}". */
  path: string;
  tag: "Requests" | "Actions" | "Records" | "Customers" | "Runs";
  summary: string;
  description: string;
  scopes: readonly ApiScope[];
  params?: z.ZodType;
  query?: z.ZodType;
  /** "binary": the body is a file (application/octet-stream and the like), at most `maxBytes`. */
  body?: z.ZodType | "binary";
  /** The document shows the request form's fields as the body (createRequest checks them in submitRequest). */
  bodyDoc?: "request-form";
  maxBytes?: number;
  response: { status: number; description: string; schema: z.ZodType };
  /** The codes this endpoint refuses with, beyond those of every endpoint (key, scope, input). */
  errors: readonly string[];
  handle: (ctx: ApiContext<unknown, unknown, unknown>) => Promise<ApiAnswer>;
};

/** Types the handler from the schemas; the registry keeps the erased form. */
export function endpoint<P extends z.ZodType = z.ZodType<undefined>, Q extends z.ZodType = z.ZodType<undefined>, B extends z.ZodType | "binary" = z.ZodType<undefined>>(
  def: Omit<Endpoint, "handle" | "params" | "query" | "body"> & {
    params?: P;
    query?: Q;
    body?: B;
    handle: (ctx: ApiContext<z.output<P>, z.output<Q>, B extends z.ZodType ? z.output<B> : Uint8Array>) => Promise<ApiAnswer>;
  },
): Endpoint {
  return def as unknown as Endpoint;
}

/** Input the API refuses, with a message per field as the dashboard's forms show them. */
export class ApiInputError extends Error {
  constructor(readonly errors: Record<string, string>) {
    super("Some fields are not valid");
  }
}
