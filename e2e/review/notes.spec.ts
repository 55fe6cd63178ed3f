import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures";
import { intakeFixture } from "../push/helpers";

// Notes: officers and compliance write them on an enrollment; they sit in its history beside
// saves and pushes, name colleagues with @username, and are refused on the field when wrong.

test("[OFFICER] writes a note naming compliance; compliance reads it in the history and answers", async ({ page, browser }) => {
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${fixture.id}`);
  const notes = page.getByTestId("note-form");
  const box = notes.getByRole("textbox", { name: "Note" });

  // a mention of nobody is refused on the field, and the text stays
  await box.fill("@nobody-at-all have a look");
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes).toContainText("Nobody who can read this enrollment is called @nobody-at-all.");
  await expect(box).toHaveValue("@nobody-at-all have a look");
  await expect(box).toHaveAttribute("aria-invalid", "true");

  await box.fill("@compliance the address proof looks edited, please check.");
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByRole("status")).toHaveText("Note added.");
  await expect(box).toHaveValue("");
  const history = page.getByTestId("history");
  const note = history.locator("li[data-kind=note]").first();
  await expect(note).toContainText("Olga Officer wrote a note");
  await expect(note.getByTestId("note-body")).toHaveText("@compliance the address proof looks edited, please check.");
  await expect(note.getByTitle("Carla Compliance")).toHaveText("@compliance");

  const other = await browser.newPage();
  await signInAs(other, "compliance");
  await other.goto(`/enrollments/${fixture.id}`);
  await expect(other.getByTestId("history").locator("li[data-kind=note]").first()).toContainText("the address proof looks edited");
  const answer = other.getByTestId("note-form");
  await answer.getByRole("textbox", { name: "Note" }).fill("Checked with the branch: genuine.");
  await answer.getByRole("button", { name: "Add note" }).click();
  await expect(other.getByTestId("history").locator("li[data-kind=note]").first()).toContainText("Checked with the branch: genuine.");
  await other.close();
});

test("[OFFICER] sees that a colleague is editing a section of the same enrollment before any conflict", async ({ page, browser }) => {
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${fixture.id}`);
  const colleague = await browser.newPage();
  await signInAs(colleague, "officer2");
  await colleague.goto(`/enrollments/${fixture.id}`);
  const presence = page.getByTestId("presence");
  // the colleague's page says it is there within one interval (10 s)
  await expect(presence).toHaveText("Oscar Officer has this enrollment open.", { timeout: 25_000 });
  await colleague.locator("section#client_contact").getByRole("textbox", { name: "Email", exact: true }).fill("typed@example.com");
  await expect(presence).toHaveText("Oscar Officer is editing Contact on this enrollment now: their changes and yours may meet.", { timeout: 25_000 });
  // the colleague leaves: gone at once, not after the window
  // the colleague goes elsewhere (asked about the unsaved email, leaves anyway): the page's goodbye
  // (a beacon on pagehide) forgets them at once. A browser killed outright says nothing: the
  // window then lapses (tests/integration/presence.int.test.ts).
  colleague.on("dialog", (dialog) => void dialog.accept());
  await colleague.goto("/queue");
  await expect(presence).toHaveText("", { timeout: 25_000 });
  await colleague.close();
});
