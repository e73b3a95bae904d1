import type { SystemKind } from "@/lib/datamap/types";
import type { Connector } from "@/lib/connectors/types";
import { httpConnector } from "@/lib/connectors/http";
import { mysqlConnector } from "@/lib/connectors/mysql";
import { postgresConnector } from "@/lib/connectors/postgres";

const CONNECTORS: Record<SystemKind, Connector | null> = {
  POSTGRES: postgresConnector,
  MYSQL: mysqlConnector,
  HTTP: httpConnector,
  // A person does it: the run emails the system's owner a task link instead.
  MANUAL: null,
};

/** The connector for a system's kind; null for manual systems. */
export function connectorFor(kind: SystemKind): Connector | null {
  return CONNECTORS[kind] ?? null;
}
