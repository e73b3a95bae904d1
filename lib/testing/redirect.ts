/** Where a server action redirected to: Next's redirect() throws an error whose digest holds the URL. */
export async function redirectOf(action: Promise<unknown>): Promise<string> {
  const error = (await action.then(
    () => null,
    (e: unknown) => e,
  )) as { digest?: string } | null;
  const match = error?.digest?.match(/^NEXT_REDIRECT;\w+;([^;]+);/);
  if (!match) throw new Error(`expected a redirect, got ${String(error)}`);
  return match[1]!;
}
