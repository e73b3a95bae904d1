/** A stored key as words: "whatIsWrong" -> "What is wrong"; "customer_name" -> "Customer name". Pure. */
export function readableKey(key: string): string {
  const words = key.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
