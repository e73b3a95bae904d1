"use client";

import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

/** Starts the provider's sign-in; next-auth connects the identity to this session on return. */
export function ConnectButton({ provider }: { provider: { id: string; name: string } }) {
  const hydrated = useHydrated();
  return (
    <Button variant="secondary" disabled={!hydrated} onClick={() => void signIn(provider.id, { callbackUrl: "/admin/account" })}>
      Connect {provider.name}
    </Button>
  );
}
