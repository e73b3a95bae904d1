// Words the sign-in form (a client component) and the server both use.

/** For a 429 from /api/auth/signin/email: the same for staff and strangers. */
export const SIGN_IN_RATE_LIMITED_MESSAGE =
  "Too many sign-in links were asked for, for this address or from your network. Please wait up to an hour, then try again.";
