export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-bold text-slate-900">Not allowed</h1>
      <p className="mt-3 text-slate-700">Your role does not give access to this page. Ask an administrator if you need it.</p>
      <p className="mt-3">
        <a href="/admin" className="text-blue-700 underline">
          Back to the overview
        </a>
      </p>
    </main>
  );
}
