import { createTranslator } from "use-intl/core";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";

vi.mock("server-only", () => ({}));
const { messagesFor, NAMESPACES } = await import("@/lib/i18n/messages");

type Tree = { [key: string]: string | Tree };

/** "a.b.c" → the message, for every leaf of a catalogue. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The arguments a message takes: `{name}`, `{count, plural, …}`, `{day, date, long}`. Rich-text tags too. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*([A-Za-z][A-Za-z0-9_]*)\s*[,}]/g)) names.add(match[1]!);
  for (const match of message.matchAll(/<([A-Za-z][A-Za-z0-9_]*)>/g)) names.add(`<${match[1]}>`);
  return [...names].sort();
}

const english = messagesFor(DEFAULT_LOCALE) as unknown as Record<string, Tree>;

describe.each(LOCALES.filter((l) => l !== DEFAULT_LOCALE))("the %s catalogue", (locale) => {
  const catalogue = messagesFor(locale) as unknown as Record<string, Tree>;

  it.each([...NAMESPACES])("has every English key of %s, and no other", (namespace) => {
    const ours = leaves(catalogue[namespace] ?? {});
    const theirs = leaves(english[namespace] ?? {});
    const missing = [...theirs.keys()].filter((k) => !ours.has(k));
    const extra = [...ours.keys()].filter((k) => !theirs.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each([...NAMESPACES])("takes the same arguments as English in %s, and says something", (namespace) => {
    const ours = leaves(catalogue[namespace] ?? {});
    const mismatched: string[] = [];
    for (const [key, message] of leaves(english[namespace] ?? {})) {
      const translated = ours.get(key);
      if (translated === undefined) continue;
      if (!translated.trim() || argumentsOf(translated).join() !== argumentsOf(message).join()) mismatched.push(key);
    }
    expect(mismatched).toEqual([]);
  });
});

describe.each([...LOCALES])("every %s message", (locale) => {
  it("is valid ICU that formats with its arguments", () => {
    const broken: string[] = [];
    const catalogue = messagesFor(locale) as unknown as Record<string, Tree>;
    for (const namespace of NAMESPACES) {
      const t = createTranslator({
        locale,
        messages: catalogue,
        namespace,
        onError: (error) => broken.push(`${namespace}: ${error.message}`),
      } as Parameters<typeof createTranslator>[0]) as unknown as {
        (key: string, values?: Record<string, unknown>): string;
        rich: (key: string, values?: Record<string, unknown>) => unknown;
      };
      for (const [key, message] of leaves(catalogue[namespace] ?? {})) {
        const values: Record<string, unknown> = {};
        for (const name of argumentsOf(message)) {
          if (name.startsWith("<")) values[name.slice(1, -1)] = (chunks: unknown) => chunks;
          else values[name] = /count|number|days|hours|minutes|total|records|^n$/i.test(name) ? 2 : /^(date|day|at|until|when)$|(Date|At|Until)$/.test(name) ? new Date("2026-11-29T10:00:00Z") : "x";
        }
        if (message.includes("<")) t.rich(key, values);
        else t(key, values);
      }
    }
    expect(broken).toEqual([]);
  });
});
