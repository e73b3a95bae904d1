import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { RepresentationDocumentKind } from "@/lib/generated/prisma/enums";
import { fileSize } from "@/lib/packages/display";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { MAX_DOCUMENTS_PER_REQUEST } from "@/lib/representation/limits";
import type { StatusView } from "@/lib/requests/status-view";
import { StatusFacts } from "./status-facts";

type Representation = NonNullable<StatusView["representation"]>;

/** Why an upload was refused (lib/representation/documents.ts codes, and the route's own), as the page words them. */
const UPLOAD_ERROR_CODES = {
  NOT_FOUND: true,
  NOT_ALLOWED: true,
  EMAIL_NOT_CONFIRMED: true,
  CLOSED: true,
  DOCUMENT_EMPTY: true,
  DOCUMENT_TOO_LARGE: true,
  DOCUMENT_TYPE: true,
  DOCUMENT_KIND: true,
  TOO_MANY_DOCUMENTS: true,
  CROSS_SITE: true,
  INTERNAL: true,
} as const;
type UploadErrorCode = keyof typeof UPLOAD_ERROR_CODES;

/**
 * A request filed by an authorized agent or a parent, as each of its two readers sees it: the
 * person acting gets the checklist and the upload form; the consumer an agent acts for, that the
 * request was made for them. No names or addresses, as on the rest of the page.
 */
export async function RepresentationSection({
  token,
  view,
  representation: r,
  dayOf,
  locale,
  uploaded,
  uploadError,
}: {
  token: string;
  view: Pick<StatusView, "status" | "closedAt" | "holder">;
  representation: Representation;
  dayOf: (at: Date) => string;
  locale: Locale;
  uploaded: boolean;
  uploadError: string | undefined;
}) {
  const t = await getTranslations("status");
  const agent = r.submittedBy === "AGENT";
  if (view.holder === "SUBJECT") {
    return (
      <section aria-labelledby="representation-heading" className="mt-10">
        <h2 id="representation-heading" className="text-xl font-semibold text-slate-900">
          {t("representation.subjectTitle")}
        </h2>
        <p className="mt-2 text-slate-700">
          {r.subjectConfirmedAt
            ? t("representation.subjectConfirmed", { on: dayOf(r.subjectConfirmedAt) })
            : t("representation.subjectNotConfirmed")}{" "}
          {t("representation.subjectFollow")}
        </p>
      </section>
    );
  }
  const open = view.closedAt === null && view.status !== "CLOSED_UNVERIFIED";
  const canUpload = open && r.emailConfirmedAt !== null && r.documents.length < MAX_DOCUMENTS_PER_REQUEST;
  const permission = r.documents.find((d) => d.kind === "SIGNED_PERMISSION");
  const steps: [string, string][] = [
    [
      t("representation.yourEmail"),
      r.emailConfirmedAt ? t("representation.confirmedOn", { on: dayOf(r.emailConfirmedAt) }) : t("representation.emailNotConfirmed"),
    ],
  ];
  if (agent) {
    steps.push([
      t("representation.permission"),
      permission ? t("representation.receivedOn", { on: dayOf(permission.createdAt) }) : t("representation.permissionMissing"),
    ]);
    steps.push([
      t("representation.subjectConfirmation"),
      r.subjectConfirmedAt
        ? t("representation.confirmedOn", { on: dayOf(r.subjectConfirmedAt) })
        : r.subjectAskedAt
          ? t("representation.subjectAsked", { on: dayOf(r.subjectAskedAt) })
          : t("representation.subjectNotAsked"),
    ]);
  }
  const defaultKind: RepresentationDocumentKind = agent && !permission ? "SIGNED_PERMISSION" : agent ? "OTHER" : "PARENTAL_RESPONSIBILITY";
  return (
    <section aria-labelledby="representation-heading" className="mt-10">
      <h2 id="representation-heading" className="text-xl font-semibold text-slate-900">
        {agent
          ? t("representation.agentTitle")
          : r.guardianRelationship === "LEGAL_GUARDIAN"
            ? t("representation.guardianTitle")
            : t("representation.parentTitle")}
      </h2>
      <p className="mt-2 text-slate-700">{agent ? t("representation.agentIntro") : t("representation.parentIntro")}</p>
      <StatusFacts rows={steps} className="mt-4" />
      {r.documents.length ? (
        <>
          <h3 className="mt-6 font-semibold text-slate-900">{t("representation.documentsTitle")}</h3>
          <ul className="mt-2 space-y-1 text-slate-700">
            {r.documents.map((d) => (
              <li key={d.id}>
                {t("representation.document", { kind: t(`representation.kinds.${d.kind}`), size: fileSize(d.size, locale), on: dayOf(d.createdAt) })}
                {d.erased ? t("representation.erasedSince") : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div aria-live="polite">
        {uploaded ? (
          <div className="mt-4">
            <Alert tone="success" title={t("representation.uploadedTitle")}>
              {t("representation.uploaded")}
            </Alert>
          </div>
        ) : null}
        {uploadError ? (
          <div className="mt-4">
            <Alert tone="error" title={t("representation.notStoredTitle")}>
              {t(`representation.uploadErrors.${Object.hasOwn(UPLOAD_ERROR_CODES, uploadError) ? (uploadError as UploadErrorCode) : "INTERNAL"}`)}
            </Alert>
          </div>
        ) : null}
      </div>
      {canUpload ? (
        <form method="post" action={localePath(locale, `/requests/status/${token}/documents`)} encType="multipart/form-data" className="mt-6 space-y-4">
          <h3 className="font-semibold text-slate-900">{t("representation.uploadTitle")}</h3>
          <div>
            <label htmlFor="document-kind" className="block font-medium text-slate-900">
              {t("representation.kindLabel")}
            </label>
            <select id="document-kind" name="kind" defaultValue={defaultKind} className={inputClass}>
              {(agent ? (["SIGNED_PERMISSION", "OTHER"] as const) : (["PARENTAL_RESPONSIBILITY", "OTHER"] as const)).map((kind) => (
                <option key={kind} value={kind}>
                  {t(`representation.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="document-file" className="block font-medium text-slate-900">
              {t("representation.fileLabel")}
            </label>
            <p id="document-file-hint" className="mt-1 text-sm text-slate-600">
              {t("representation.fileHint")}
            </p>
            <input
              id="document-file"
              name="file"
              type="file"
              required
              accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
              aria-describedby="document-file-hint"
              className="mt-2 block w-full text-slate-900"
            />
          </div>
          <Button type="submit">{t("representation.upload")}</Button>
        </form>
      ) : null}
    </section>
  );
}
