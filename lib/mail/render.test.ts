import { render } from "@react-email/render";
import { createElement, type ComponentType } from "react";
import { describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { localiseEmailProps } from "@/lib/mail/localise";
import { renderEmail } from "@/lib/mail/render";
import { EMAIL_TEMPLATE_NAMES, EMAIL_TEMPLATES } from "@/lib/mail/templates";

describe("renderEmail", () => {
  // The text part is derived from the HTML rendered once; it must be exactly what React Email's
  // own plain-text rendering of the template gives.
  it.each(EMAIL_TEMPLATE_NAMES)("%s: the text part equals React Email's plain-text rendering", async (name) => {
    const template = EMAIL_TEMPLATES[name] as unknown as { component: ComponentType<object> & { PreviewProps: object } };
    const props = template.component.PreviewProps;
    const rendered = await renderEmail(name, props as never);
    // What the template is given: its language, and its links in that language.
    const localised = localiseEmailProps(name, props as never, getEnv().APP_URL) as object;
    expect(rendered.text).toBe(await render(createElement(template.component, localised), { plainText: true }));
    expect(rendered.html).toBe(await render(createElement(template.component, localised)));
  });
});

describe("the operator's accent", () => {
  it("colours the email's button when one is set, and the portal's blue otherwise", async () => {
    const props = (EMAIL_TEMPLATES["verify-email"] as unknown as { component: { PreviewProps: object } }).component.PreviewProps;
    const plain = await renderEmail("verify-email", props as never);
    const branded = await renderEmail("verify-email", props as never, { accent: "#0f766e" });
    expect(plain.html).toContain("background-color:#1d4ed8");
    expect(branded.html).toContain("background-color:#0f766e");
    expect(branded.html).not.toContain("background-color:#1d4ed8");
    expect(branded.text).toBe(plain.text);
  });
});
