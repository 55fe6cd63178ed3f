import { expect as baseExpect, test, type Browser, type Dialog, type Locator, type Page } from "@playwright/test";
import { signInAs, type TDemoRole } from "../fixtures";
import { intakeFixture, pipeline, pushSection } from "../push/helpers";

// Nothing an officer types is lost: a save of one section, a colleague's save, a refresh or a
// failed download never overwrites a field the officer changed and did not save.

const section = (page: Page, key: string) => page.locator(`section#${key}`);
const contact = (page: Page) => section(page, "client_contact");
const home = (page: Page) => section(page, "client_location");
const info = (page: Page) => section(page, "client_info");
const email = (page: Page) => contact(page).getByRole("textbox", { name: "Email", exact: true });
const postalCode = (page: Page) => home(page).getByRole("textbox", { name: "Postal code", exact: true });
const nickname = (page: Page) => info(page).getByRole("textbox", { name: "Nickname", exact: true });
const saveButton = (form: Locator) => form.getByRole("button", { name: /^(Save section|Saving…)$/ });

/** Waits until React has hydrated the section forms (their Save buttons carry React's fiber). */
async function formsHydrated(page: Page) {
  await page.waitForFunction(
    () => {
      const button = document.querySelector("section#client_location form button[type=submit]");
      return button !== null && Object.keys(button).some((key) => key.startsWith("__reactFiber"));
    },
    undefined,
    { timeout: 30_000 },
  );
}

/**
 * Every test here under a slowed CPU (Chromium's throttling): `E2E_CPU_SLOWDOWN=4 npm run test:e2e
 * -- e2e/review/unsaved-input.spec.ts`. The default run slows only the save-timing tests below.
 */
const SLOWDOWN = Number(process.env.E2E_CPU_SLOWDOWN ?? 1);
// a slowed browser answers slower: every expectation waits in proportion
const expect = baseExpect.configure({ timeout: 5_000 * Math.max(1, SLOWDOWN) });

async function slowDown(page: Page, rate: number) {
  if (rate <= 1) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
}

test.beforeEach(async ({ page }) => {
  test.slow(SLOWDOWN > 1);
  await slowDown(page, SLOWDOWN);
});

async function openAs(browser: Browser, role: TDemoRole, id: string, cpuSlowdown = SLOWDOWN) {
  const page = await browser.newPage();
  await signInAs(page, role);
  await slowDown(page, cpuSlowdown);
  await page.goto(`/enrollments/${id}`);
  await formsHydrated(page);
  return page;
}

/** The history's entries of one section (each a saved change), as the page shows them. */
const historyEntries = (page: Page, label: string) => page.getByTestId("history").locator("li").filter({ hasText: `saved ${label}` });

for (const cpu of SLOWDOWN > 1 ? [SLOWDOWN] : [1, 4]) {
  test.describe(cpu === 1 ? "normal CPU" : "CPU slowed 4×", () => {
    test.describe.configure({ timeout: cpu === 1 ? 90_000 : 180_000 });

    // every gap at normal speed; in the default run's 4× pass, the tightest and the 150 ms a fast officer takes
    for (const gapMs of cpu === 1 || SLOWDOWN > 1 ? [0, 50, 150, 1_500] : [0, 150]) {
      test(`[OFFICER] saving Home keeps the email typed in Contact (Contact saved ${gapMs} ms later, by click, then by Enter)`, async ({ browser }) => {
        const fixture = await intakeFixture((await browser.newContext()).request);
        const page = await openAs(browser, "officer", fixture.id, cpu);
        for (const [round, how] of (["click", "Enter"] as const).entries()) {
          const newEmail = `kept-${gapMs}-${how.toLowerCase()}@example.com`;
          await email(page).fill(newEmail);
          await postalCode(page).fill(`1010${round}`);
          await saveButton(home(page)).click();
          if (gapMs > 0) await page.waitForTimeout(gapMs);
          if (how === "click") await saveButton(contact(page)).click();
          else {
            await email(page).focus();
            await page.keyboard.press("Enter");
          }
          await expect(contact(page).getByRole("status")).toHaveText("Saved. 1 change.", { timeout: 30_000 });
          await expect(home(page).getByRole("status")).toHaveText("Saved. 1 change.");
          await expect(email(page)).toHaveValue(newEmail);
          await expect(page.getByTestId("unsaved-mark")).toHaveCount(0);
        }
        // stored, and the history holds exactly the four saves
        await page.reload();
        await expect(email(page)).toHaveValue(`kept-${gapMs}-enter@example.com`);
        await expect(postalCode(page)).toHaveValue("10101");
        await expect(historyEntries(page, "Contact")).toHaveCount(2);
        await expect(historyEntries(page, "Home")).toHaveCount(2);
        await page.close();
      });
    }

    test("[OFFICER] a value typed while the save is on its way is kept for the next save", async ({ browser }) => {
      const fixture = await intakeFixture((await browser.newContext()).request);
      const page = await openAs(browser, "officer", fixture.id, cpu);
      // hold the save's request a moment, as a slow network would
      await page.route(`**/enrollments/${fixture.id}`, async (route) => {
        if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 1_000));
        await route.fallback();
      });
      await email(page).fill("first@example.com");
      await saveButton(contact(page)).click();
      await expect(saveButton(contact(page))).toHaveText("Saving…");
      const cell = contact(page).getByRole("textbox", { name: "Cell phone", exact: true });
      await cell.fill("8095559999");
      // a second press while the first is on its way is answered too, after it
      await saveButton(contact(page)).click();
      await expect(saveButton(contact(page))).toHaveText("Save section", { timeout: 30_000 });
      await expect(contact(page).getByRole("status")).toHaveText("Saved. 1 change.");
      await expect(email(page)).toHaveValue("first@example.com");
      await expect(cell).toHaveValue("8095559999");
      await expect(page.getByTestId("unsaved-mark")).toHaveCount(0);
      await page.unroute(`**/enrollments/${fixture.id}`);
      await page.reload();
      await expect(email(page)).toHaveValue("first@example.com");
      await expect(cell).toHaveValue("8095559999");
      await expect(historyEntries(page, "Contact")).toHaveCount(2);
      await page.close();
    });
  });
}

test("[OFFICER] two officers saving different sections at once are both stored", async ({ browser }) => {
  const fixture = await intakeFixture((await browser.newContext()).request);
  const first = await openAs(browser, "officer", fixture.id);
  const second = await openAs(browser, "officer2", fixture.id);
  await email(first).fill("olga@example.com");
  await postalCode(second).fill("20202");
  await Promise.all([saveButton(contact(first)).click(), saveButton(home(second)).click()]);
  await expect(contact(first).getByRole("status")).toHaveText("Saved. 1 change.");
  await expect(home(second).getByRole("status")).toHaveText("Saved. 1 change.");
  // each sees the other's save once the page refreshes, without losing anything
  await second.reload();
  await expect(email(second)).toHaveValue("olga@example.com");
  await expect(postalCode(second)).toHaveValue("20202");
  await first.close();
  await second.close();
});

test("[OFFICER] the same field saved by two officers: one conflict, named, shown until dismissed, input kept", async ({ browser }) => {
  const fixture = await intakeFixture((await browser.newContext()).request);
  const first = await openAs(browser, "officer", fixture.id);
  const second = await openAs(browser, "officer2", fixture.id);
  await email(first).fill("olga@example.com");
  await email(second).fill("oscar@example.com");
  await saveButton(contact(first)).click();
  await expect(contact(first).getByRole("status")).toHaveText("Saved. 1 change.");
  await saveButton(contact(second)).click();
  const alert = contact(second).getByTestId("save-conflict");
  await expect(alert).toContainText("Olga Officer saved Contact");
  await expect(alert).toContainText("Your changes were not saved and are still here");
  await expect(email(second)).toHaveValue("oscar@example.com");
  // both values, and the choice, beside the field
  const choice = contact(second).getByRole("group", { name: "Another value was saved meanwhile" });
  await expect(choice).toContainText("Olga Officer saved another value meanwhile: olga@example.com");
  // the alert stays (a refresh does not take it away) until the officer acts
  await second.waitForTimeout(2_500);
  await expect(alert).toBeVisible();
  // saving before choosing is refused, with the reason
  await saveButton(contact(second)).click();
  await expect(contact(second).getByRole("alert").filter({ hasText: "Not saved: first choose which value to keep for Contact · Email." })).toBeVisible();
  await choice.getByRole("button", { name: "Keep mine" }).click();
  await saveButton(contact(second)).click();
  await expect(contact(second).getByRole("status")).toHaveText("Saved. 1 change.");
  await second.reload();
  await expect(email(second)).toHaveValue("oscar@example.com");
  await expect(historyEntries(second, "Contact")).toHaveCount(2);
  // and the dismiss button takes an alert away
  await email(first).fill("again@example.com");
  await saveButton(contact(first)).click();
  await expect(contact(first).getByTestId("save-conflict")).toBeVisible();
  await contact(first).getByRole("button", { name: "Dismiss" }).click();
  await expect(contact(first).getByTestId("save-conflict")).toHaveCount(0);
  await expect(email(first)).toHaveValue("again@example.com");
  await first.close();
  await second.close();
});

test("[OFFICER] leaving with unsaved input asks first; the menu marks the section", async ({ page }) => {
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${fixture.id}`);
  await formsHydrated(page);
  await email(page).fill("unsaved@example.com");
  await expect(page.getByTestId("unsaved-client_contact")).toBeVisible();
  // the push form's code loads after the page's: give a busy machine time
  await expect(pushSection(page).getByTestId("push-blocked")).toContainText("Unsaved changes in Contact", { timeout: 30_000 });

  const questions: string[] = [];
  page.once("dialog", async (dialog) => {
    questions.push(dialog.message());
    await dialog.dismiss();
  });
  await page.getByRole("link", { name: /Back to queue/ }).click();
  await expect.poll(() => questions).toEqual(["You have unsaved changes in Contact. Leave this page and lose them?"]);
  await expect(page).toHaveURL(new RegExp(`/enrollments/${fixture.id}`));
  await expect(email(page)).toHaveValue("unsaved@example.com");

  // closing or reloading the tab: the browser's own question
  page.once("dialog", async (dialog) => {
    questions.push(dialog.type());
    await dialog.dismiss();
  });
  await page.reload({ timeout: 5_000 }).catch(() => undefined);
  await expect.poll(() => questions).toEqual(["You have unsaved changes in Contact. Leave this page and lose them?", "beforeunload"]);
  await expect(email(page)).toHaveValue("unsaved@example.com");

  // discarding clears the mark and frees the push
  await contact(page).getByRole("button", { name: "Discard changes" }).click();
  await expect(page.getByTestId("unsaved-client_contact")).toHaveCount(0);
  await expect(pushSection(page).getByTestId("push-blocked")).toHaveCount(0);
  const unexpected = (dialog: Dialog) => {
    questions.push("unexpected");
    void dialog.dismiss();
  };
  page.once("dialog", unexpected);
  await page.getByRole("link", { name: /Back to queue/ }).click();
  await expect(page).toHaveURL(/\/queue/);
  expect(questions).toHaveLength(2);
  page.off("dialog", unexpected);

  // the browser's Back within the console asks too (opened from the queue: one document, no unload);
  // newest first, where the new enrollment is on the first page (an officer's default is oldest first)
  await page.getByLabel("Sort").selectOption("received_desc");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.locator(`a[href="/enrollments/${fixture.id}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/enrollments/${fixture.id}`));
  await formsHydrated(page);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Contact" }).click();
  await email(page).fill("unsaved-again@example.com");
  await expect(page.getByTestId("unsaved-client_contact")).toBeVisible();
  page.once("dialog", async (dialog) => {
    questions.push(dialog.message());
    await dialog.dismiss();
  });
  // Back to the page's top first (the menu's anchor): the same page, nothing asked
  await page.goBack({ timeout: 3_000 }).catch(() => undefined);
  await expect(page).toHaveURL(new RegExp(`/enrollments/${fixture.id}$`));
  expect(questions).toHaveLength(2);
  await page.goBack({ timeout: 3_000 }).catch(() => undefined);
  await expect.poll(() => questions).toHaveLength(3);
  expect(questions[2]).toBe("You have unsaved changes in Contact. Leave this page and lose them?");
  await expect(page).toHaveURL(new RegExp(`/enrollments/${fixture.id}$`));
  await expect(email(page)).toHaveValue("unsaved-again@example.com");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.goBack();
  await expect(page).toHaveURL(/\/queue/);
});

test("[OFFICER] pushing with unsaved section edits is refused until they are saved", async ({ page }) => {
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${fixture.id}`);
  await formsHydrated(page);
  await nickname(page).fill("Lucho");
  await email(page).fill("typed@example.com");
  const push = pushSection(page);
  await expect(push.getByTestId("push-blocked")).toContainText("Unsaved changes in Personal information, Contact: save or discard them first", { timeout: 30_000 });
  await expect(push.getByRole("button", { name: "Push to core" })).toBeDisabled();
  await saveButton(info(page)).click();
  await expect(info(page).getByRole("status")).toHaveText("Saved. 1 change.");
  await expect(push.getByTestId("push-blocked")).toContainText("Unsaved changes in Contact:");
  await expect(email(page)).toHaveValue("typed@example.com");
});

test("[OFFICER] another officer's save on a pushed enrollment does not take the typed nickname away", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const fixture = await intakeFixture(context.request);
  const pusher = await openAs(browser, "officer", fixture.id);
  await pushSection(pusher).getByRole("button", { name: "Push to core" }).click();
  const dialog = pusher.getByRole("alertdialog", { name: "Push this enrollment to the core?" });
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await dialog.getByRole("button", { name: "Push to core" }).click();
  await expect(pipeline(pusher)).toContainText("Pushed", { timeout: 60_000 });

  const typist = await openAs(browser, "officer2", fixture.id);
  await nickname(typist).fill("Nicky");
  await postalCode(pusher).fill("30303");
  await saveButton(home(pusher)).click();
  await expect(home(pusher).getByRole("status")).toHaveText("Saved. 1 change.");
  // the typist's page refreshes on its own (the pipeline's poll sees the status change)
  await expect(postalCode(typist)).toHaveValue("30303", { timeout: 30_000 });
  await typist.waitForTimeout(3_000);
  await expect(nickname(typist)).toHaveValue("Nicky");
  await expect(typist.getByTestId("unsaved-client_info")).toBeVisible();
  await pusher.close();
  await typist.close();
});

test("[OFFICER] the network dropping before the push dialog's code loaded keeps the page and its input", async ({ page, context }) => {
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${fixture.id}`);
  await formsHydrated(page);
  const push = pushSection(page);
  await push.getByRole("button", { name: "Add product" }).click();
  await push.getByRole("combobox", { name: "Product code" }).selectOption("AH01");
  await context.setOffline(true);
  await push.getByRole("button", { name: "Push to core" }).click();
  const failed = push.getByTestId("part-failed");
  // a busy machine may take a while to give up on the download
  await expect(failed).toContainText("This part of the page could not load", { timeout: 15_000 });
  // the page is still there, with what was typed
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await email(page).fill("offline@example.com");
  await expect(push.getByRole("combobox", { name: "Product code" })).toHaveValue("AH01");
  await context.setOffline(false);
  await contact(page).getByRole("button", { name: "Discard changes" }).click();
  await failed.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("alertdialog", { name: "Push this enrollment to the core?" })).toBeVisible({ timeout: 10_000 });
});

test("[OFFICER] a save after the session ended says so, keeps the input, and works after signing in again", async ({ page, context }) => {
  const fixture = await intakeFixture(page.request);
  await signInAs(page, "officer");
  await page.goto(`/enrollments/${fixture.id}`);
  await formsHydrated(page);
  await context.clearCookies();
  await email(page).fill("after-timeout@example.com");
  await saveButton(contact(page)).click();
  const ended = contact(page).getByTestId("save-signed-out");
  await expect(ended).toContainText("Your session has ended, so this section was not saved");
  await expect(ended.getByRole("link", { name: "Sign in again in a new tab" })).toHaveAttribute("target", "_blank");
  await expect(email(page)).toHaveValue("after-timeout@example.com");
  await signInAs(page, "officer");
  await saveButton(contact(page)).click();
  await expect(contact(page).getByRole("status")).toHaveText("Saved. 1 change.");
  await page.reload();
  await expect(email(page)).toHaveValue("after-timeout@example.com");
});
