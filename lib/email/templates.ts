/** Plain-text first: short, with the link on its own line. */

export function invitationEmail(input: { firmName: string; inviterName: string; role: string; link: string; days: number }) {
  const what = input.role === "candidate" ? "your candidate portal" : `${input.firmName}'s Afterview workspace as ${input.role === "admin" ? "an admin" : "a recruiter"}`;
  return {
    subject: `${input.inviterName} invited you to Afterview`,
    text: [
      `Hello,`,
      ``,
      `${input.inviterName} at ${input.firmName} invited you to ${what}.`,
      `Open this link to set your password and sign in (valid for ${input.days} days, once):`,
      ``,
      input.link,
      ``,
      `If you did not expect this, ignore this email.`,
    ].join("\n"),
  };
}

export function passwordResetEmail(input: { link: string; minutes: number }) {
  return {
    subject: "Reset your Afterview password",
    text: [
      `Someone asked to reset the password of this Afterview account.`,
      `Open this link to choose a new one (valid for ${input.minutes} minutes, once):`,
      ``,
      input.link,
      ``,
      `If it was not you, ignore this email; your password stays as it is.`,
    ].join("\n"),
  };
}
