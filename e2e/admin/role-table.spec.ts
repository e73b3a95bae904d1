import { expect, test } from "@playwright/test";
import { createStaff, deactivateStaff, signInAs, type Role } from "../support/staff";

// Who gets what, route by route. "sign-in" means sent to the sign-in page; numbers are HTTP statuses.
type Who = "anonymous" | "deactivated" | Role;
const WHO: Who[] = ["anonymous", "deactivated", "AUDITOR", "OFFICER", "ADMIN"];

const TABLE: { path: string; expect: Record<Who, "sign-in" | 200 | 403> }[] = [
  { path: "/admin", expect: { anonymous: "sign-in", deactivated: "sign-in", AUDITOR: 200, OFFICER: 200, ADMIN: 200 } },
  { path: "/admin/staff", expect: { anonymous: "sign-in", deactivated: "sign-in", AUDITOR: 403, OFFICER: 403, ADMIN: 200 } },
];

for (const who of WHO) {
  test(`role table: ${who}`, async ({ page, context }) => {
    if (who !== "anonymous") {
      const staff = await createStaff(who === "deactivated" ? "ADMIN" : who);
      await signInAs(context, staff.id);
      if (who === "deactivated") await deactivateStaff(staff.id);
    }
    for (const row of TABLE) {
      const response = await page.goto(row.path);
      const wanted = row.expect[who];
      if (wanted === "sign-in") {
        await expect(page, `${who} on ${row.path}`).toHaveURL(/\/admin\/sign-in/);
      } else {
        expect(response?.status(), `${who} on ${row.path}`).toBe(wanted);
        await expect(page).toHaveURL(new RegExp(`${row.path.replace(/[/?]/g, "\\$&")}$`));
      }
    }
  });
}
