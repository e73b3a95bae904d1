import { KIND_LABELS, SYSTEM_KINDS } from "@/lib/datamap/schema";
import { CheckboxField, SelectField, TextField } from "./form-kit";
import { DATA_USES_LIST_ID } from "./taxonomy-note";

export type SystemDetails = { key: string; name: string; description: string | null; ownerEmail: string; purpose: string; thirdParty: boolean; country?: string | null; noticeEmail?: string | null; dataUses: string[]; kind: string };

/** The fields of the new-system and system-details forms. */
export function SystemFields({ system }: { system?: SystemDetails }) {
  return (
    <>
      <TextField name="name" label="Name" defaultValue={system?.name ?? ""} />
      <TextField name="key" label="Key" hint="A stable identifier, as a Fides dataset's fides_key: letters, digits, dots, hyphens and underscores." defaultValue={system?.key ?? ""} />
      <TextField name="ownerEmail" label="Owner's email" type="email" hint="Who answers for this system. For a manual system, who is emailed each task." defaultValue={system?.ownerEmail ?? ""} />
      <TextField name="purpose" label="Purpose" hint="What the system is used for; shown to the requester in the access report." defaultValue={system?.purpose ?? ""} />
      <TextField name="description" label="Description (optional)" rows={2} defaultValue={system?.description ?? ""} />
      <SelectField
        name="kind"
        label="Kind"
        hint="How the portal reaches it. Changing the kind of a saved system removes its connection settings and secret."
        defaultValue={system?.kind ?? "POSTGRES"}
        options={SYSTEM_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
      />
      <CheckboxField name="thirdParty" label="Run by a third party (a subprocessor)" defaultChecked={system?.thirdParty ?? false} />
      <TextField
        name="country"
        label="Country (optional)"
        hint="Where the third party processes the data, such as United States or Germany. The public list of recipients shows it."
        defaultValue={system?.country ?? ""}
      />
      <TextField
        name="noticeEmail"
        label="Notice address (third parties)"
        type="email"
        hint="Their privacy contact, told when a person's data is erased, corrected or restricted. Empty: the owner is told and passes it on."
        defaultValue={system?.noticeEmail ?? ""}
      />
      <TextField
        name="dataUses"
        label="Data uses (optional)"
        hint={
          <>
            What the system uses personal data for: fideslang keys separated by commas, such as marketing.communications.email (see the{" "}
            <a href={`#${DATA_USES_LIST_ID}`} className="text-blue-700 underline">
              list of data uses
            </a>
            ). An objection or restriction asks this system&apos;s owner to stop or restrict the uses concerned.
          </>
        }
        defaultValue={system?.dataUses.join(", ") ?? ""}
      />
    </>
  );
}
