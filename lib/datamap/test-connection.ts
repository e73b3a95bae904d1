import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import { now } from "@/lib/clock";
import { openSecret } from "@/lib/connectors/credentials";
import { connectorFor } from "@/lib/connectors/registry";
import { ConnectorError, type TestReport } from "@/lib/connectors/types";
import { recordMapEvent } from "@/lib/datamap/events";
import { loadDataMap, loadSealedSecret, loadSystem } from "@/lib/datamap/load";
import { assertMayManageMap, mapWrite } from "@/lib/datamap/write";
import { db } from "@/lib/db";
import { erasureProblems } from "@/lib/erasure/check";
import { referencedFieldIds } from "@/lib/erasure/collection";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logError } from "@/lib/log";

/** What a failure to test says when the connector could not even produce a report. */
function failedReport(message: string): TestReport {
  return { ok: false, reachable: false, error: message, problems: [], warnings: [] };
}

/**
 * "Test connection": the system's connector checks that it is reachable, that every mapped table
 * and column exists, and warns about lookup columns without an index and about erasure strategies
 * a column cannot take. The report (no personal data) is stored on the system and audited. The
 * connection is made outside the write transaction, so a slow system never holds the map's lock.
 */
export async function testSystemConnection(systemId: string, actor: StaffUser): Promise<TestReport> {
  // A test stores its result on the system: the same role as every write.
  assertMayManageMap(actor);
  const system = await loadSystem(db, systemId);
  if (!system) throw new DomainError("SYSTEM_NOT_FOUND", "That system no longer exists.");
  const connector = connectorFor(system.kind);
  if (!connector) throw new DomainError("NO_CONNECTOR", system.kind === "MANUAL" ? "A manual system has no connection to test: its owner is emailed a task." : "This kind of system can't be tested yet.");
  if (!system.connection) throw new DomainError("NO_CONNECTION", "Save the connection settings first.");

  let report: TestReport;
  try {
    const secret = openSecret(await loadSealedSecret(db, systemId));
    report = await connector.test(system, secret);
    // The erasure strategies too: an erasure must not discover at run time that a column refuses them.
    if (report.reachable && connector.columnFacts) {
      const facts = connector.columnFacts.bind(connector);
      const referenced = referencedFieldIds(await loadDataMap(db));
      const problems = await erasureProblems(system, referenced, (table) => facts(system, secret, table)).catch(() => []);
      for (const p of problems) {
        const [collection, field] = p.field.split(".") as [string, string];
        report.warnings.push({ collection, field, message: `Erasure: ${p.message}${p.chosen ? "" : " (This is the default its categories give: choose a strategy for it.)"}` });
      }
    }
  } catch (error) {
    if (error instanceof ConnectorError) report = failedReport(error.message);
    else {
      logError("datamap.test_failed", error, { systemId });
      report = failedReport(
        error instanceof Error && /decrypt|authenticate|unsupported state/i.test(error.message)
          ? "The stored secret can't be opened (was APP_SECRET changed?). Enter the secret again."
          : "The test stopped because of a problem on our side. Try again.",
      );
    }
  }

  await mapWrite(actor, async (tx) => {
    const exists = await tx.dataSystem.findUnique({ where: { id: systemId }, select: { id: true } });
    if (!exists) return;
    await tx.dataSystem.update({ where: { id: systemId }, data: { testedAt: now(), testOk: report.ok, testReport: report as unknown as Prisma.InputJsonValue } });
    await recordMapEvent(tx, { systemId, actor, action: "test.ran", data: { ok: report.ok, reachable: report.reachable, problems: report.problems.length, warnings: report.warnings.length } });
  });
  return report;
}
