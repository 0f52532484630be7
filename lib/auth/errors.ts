/** The error signIn() reports when sign-in is throttled; shared by the server check and the form. */
export const throttledError = "throttled";
