// Signing in as a demo user in the scripts of this folder.
const PASSWORD = 'Demo-Werkhaven-2026';

/** signIn signs in with the demo password, or for the kandidaat (who has none) with a mailed link. */
export async function signIn(page, BASE, email) {
  if (email.startsWith('kandidaat@')) {
    await page.goto(`${BASE}/inloglink`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.getByText('Als dit e-mailadres bij ons bekend is').waitFor();
    await page.goto(await mailedLink(BASE, email, '/inloggen/link'));
  } else {
    await page.goto(`${BASE}/inloggen`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
}

/** mailedLink waits for a link with path to rcpt in the development mailbox. */
async function mailedLink(BASE, rcpt, path) {
  for (let i = 0; i < 100; i++) {
    const html = await (await fetch(`${BASE}/dev/mail`)).text();
    const section = html.split('<section>').find((s) => s.includes(rcpt) && s.includes(`${path}#token=`));
    const link = section?.match(new RegExp(`(http[^\\s<]*${path}#token=[A-Za-z0-9_-]+)`))?.[1];
    if (link) return link;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail with ${path} to ${rcpt}`);
}
