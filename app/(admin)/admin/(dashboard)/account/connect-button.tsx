"use client";

import { signIn } from "next-auth/react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/** Starts the provider's sign-in; next-auth connects the identity to this session on return. */
export function ConnectButton({ provider }: { provider: { id: string; name: string } }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <Button variant="secondary" disabled={!hydrated} onClick={() => void signIn(provider.id, { callbackUrl: "/admin/account" })}>
      Connect {provider.name}
    </Button>
  );
}
