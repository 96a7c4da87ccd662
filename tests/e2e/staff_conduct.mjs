// Staff conduct in the browser (STF-1, STF-4): a member of staff at Oakfield
// ticks an item of their induction checklist and declares a relationship,
// with an accessibility check on every state of the page. Called by run.mjs
// with the page signed out; leaves it signed out.
export async function staffConductFlow (page, { base, check, axeCheck, password }) {
  await page.goto(`${base}/sign-in`)
  await page.getByLabel('Username').fill('staff.oakfield')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL('**/dashboard')

  await page.getByRole('link', { name: 'Staff conduct', exact: true }).click()
  check('a member of staff opens Staff conduct', (await page.locator('h1').textContent()).trim() === 'Staff conduct')
  check('their own induction checklist is shown', (await page.getByRole('heading', { name: 'Your induction checklist' }).count()) === 1)
  check('the school\'s records are not shown to every member of staff',
    (await page.getByRole('link', { name: 'Relationships declared by staff' }).count()) === 0)
  await axeCheck(page, 'staff conduct')

  // STF-4: tick the first item still to do.
  const before = await page.getByRole('button', { name: /^I have done this/ }).count()
  check('the demo member of staff has induction items to tick', before >= 1, `buttons=${before}`)
  await page.getByRole('button', { name: /^I have done this/ }).first().click()
  await page.waitForURL('**/staff-conduct?done=induction')
  check('ticking an induction item is confirmed',
    (await page.locator('.govuk-notification-banner').textContent()).includes('induction checklist has been updated'))
  check('the ticked item is no longer to do', (await page.getByRole('button', { name: /^I have done this/ }).count()) === before - 1)
  await axeCheck(page, 'staff conduct after ticking an induction item')

  // STF-1: an empty declaration is refused and says why.
  await page.getByRole('button', { name: 'Declare relationship' }).click()
  check('an empty declaration is refused with a reason', (await page.locator('.govuk-error-summary li').count()) >= 1)
  await axeCheck(page, 'staff conduct with a refused declaration')

  await page.getByLabel('Who the relationship is with').fill('Ruby Shah, Year 2 Kingfishers')
  await page.getByLabel('Your relationship to them').fill('family friend')
  await page.getByLabel('How it affects following the policy').fill('Her mother and I are friends on Instagram.')
  await page.getByRole('button', { name: 'Declare relationship' }).click()
  await page.waitForURL('**/staff-conduct?done=declared')
  check('a declared relationship is confirmed',
    (await page.locator('.govuk-notification-banner').textContent()).includes('Your relationship has been declared'))
  check('the declaration is listed, awaiting a decision',
    (await page.getByRole('row').filter({ hasText: 'Ruby Shah, Year 2 Kingfishers' }).filter({ hasText: 'Awaiting a decision' }).count()) === 1)
  await axeCheck(page, 'staff conduct after declaring a relationship')

  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL('**/sign-in')
}
