// Who may come in and as whom: sign-in and its attempt limits, sessions,
// memberships and the firm switch, invitations, passwords.
export * from "./sign-in";
export * from "./sessions";
export * from "./memberships";
export * from "./invitations";
export * from "./password";
