import { expect, test } from "@playwright/test";
import { createFirm, expectAccessible } from "./support";
import { OutboxPage } from "./pages/outbox-page";
import { SignInPage } from "./pages/sign-in-page";

test("a person invited by a second firm signs in to accept, then switches between firms", async ({ page, request, browser }) => {
  const home = await createFirm(request, "home");
  const other = await createFirm(request, "other");
  const person = home.recruiter;

  // The other firm's admin invites someone who already works with Afterview.
  await new SignInPage(page).signIn(other.admin.email, other.password);
  await page.goto("/settings/team");
  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${person.email}`)).toBeVisible();
  const path = await new OutboxPage(page).latestLinkTo(person.email, "/invite/");

  // The invitation asks them to sign in; it never offers to set a new password.
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(path);
  await expect(invitee.getByRole("heading", { name: "Join Firm OTHER" })).toBeVisible();
  await expect(invitee.getByText(/An Afterview account already uses/)).toBeVisible();
  await expect(invitee.getByLabel(/^New password/)).toHaveCount(0);
  await expect(invitee.getByLabel("Email")).toHaveValue(person.email);
  await expectAccessible(invitee);
  await invitee.getByLabel("Password").fill(home.password);
  await invitee.getByRole("button", { name: "Sign in and accept" }).click();
  await expect(invitee).toHaveURL(/\/dashboard$/);
  await expect(invitee.getByRole("link", { name: /Firm OTHER/ }).first()).toBeVisible();

  // The account menu offers the other firm; the chooser names both.
  await invitee.getByRole("button", { name: new RegExp(person.name) }).first().click();
  await invitee.getByRole("menuitem", { name: "Switch firm" }).click();
  await expect(invitee).toHaveURL(/\/choose-firm$/);
  await expect(invitee.getByRole("heading", { name: "Choose a firm" })).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByRole("button", { name: /Firm HOME/ }).click();
  await expect(invitee).toHaveURL(/\/dashboard$/);
  await expect(invitee.getByRole("link", { name: /Firm HOME/ }).first()).toBeVisible();

  // A fresh sign-in asks which firm to open.
  const again = await (await browser.newContext()).newPage();
  await new SignInPage(again).signIn(person.email, home.password);
  await expect(again).toHaveURL(/\/choose-firm$/);
  await again.getByRole("button", { name: /Firm OTHER/ }).click();
  await expect(again).toHaveURL(/\/dashboard$/);
  await expect(again.getByRole("link", { name: /Firm OTHER/ }).first()).toBeVisible();
});
