import { handleApi } from "@/lib/api/handle";

// Every /api/v1 endpoint, dispatched from one registry (lib/api/endpoints.ts) that is also the
// source of the OpenAPI document: no endpoint can exist without being documented.

type Context = { params: Promise<{ path?: string[] }> };

async function dispatch(request: Request, { params }: Context): Promise<Response> {
  const { path = [] } = await params;
  return handleApi(request, `/${path.map(encodeURIComponent).join("/")}`);
}

export const GET = dispatch;
export const POST = dispatch;
export const PUT = dispatch;
export const PATCH = dispatch;
export const DELETE = dispatch;
