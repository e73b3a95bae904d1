/**
 * A refusal the domain explains in words (an illegal transition, a second extension...). It has
 * its own module, free of auth and server imports, so pure rules such as lib/requests/lifecycle.ts
 * can throw the same class the action wrapper recognises.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
