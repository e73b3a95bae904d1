/** What a 404 says about an address we have no page for. */
export function PageNotFound() {
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-6 text-lg text-slate-800">
        There is no page at this address. If you followed a link from one of our emails, check that you copied all of it.
      </p>
      <ul className="mt-6 list-disc space-y-2 pl-6 text-slate-800">
        <li>
          <a href="/">Go to the Privacy Center</a>
        </li>
        <li>
          <a href="/requests/status">Get a new link to a request you made</a>
        </li>
      </ul>
    </div>
  );
}
