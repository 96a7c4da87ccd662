// Unblock requests in the browser (NET-3): a member of staff at Oakfield asks
// for a blocked site, is told what is missing when the reason is left out, and
// sees the request; ICT record their check; the headteacher approves it in
// writing and the site is listed as open. Monitoring (NET-5, NET-6): the DSL
// opens the monitoring report and the demo's banned pupil's web activity, sees
// the ban and lifts it with a reason. axe-core runs on every state.
// Called by run.mjs with the page signed out; leaves it signed out.
async function signIn (page, base, username, password) {
  await page.goto(`${base}/sign-in`)
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL('**/dashboard')
}

async function signOut (page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL('**/sign-in')
}

export async function filteringFlow (page, { base, check, axeCheck, password }) {
  await signIn(page, base, 'staff.oakfield', password)
  await page.getByRole('link', { name: 'Filtering', exact: true }).click()
  check('a member of staff opens Web filtering', (await page.locator('h1').textContent()).trim() === 'Web filtering')
  check('their own demo request is listed', (await page.getByRole('link', { name: 'pinterest.co.uk' }).count()) === 1)
  await axeCheck(page, 'web filtering')
  await page.getByLabel('Address of the site', { exact: true }).fill('https://www.britishmuseum.org/learn/schools')
  await page.getByRole('button', { name: 'Send the request' }).click()
  check('a request without its reason is refused and says why',
    (await page.locator('.govuk-error-summary').textContent()).includes('what the site is needed for'))
  await axeCheck(page, 'web filtering with a refused request')
  await page.getByLabel('What is it needed for?').fill('Year 4 Vikings topic: the museum\'s schools resources.')
  await page.getByLabel('Who needs it').selectOption('pupils')
  await page.getByRole('button', { name: 'Send the request' }).click()
  check('the request is sent and shown', (await page.locator('h1').textContent()).trim() === 'Unblock britishmuseum.org')
  await axeCheck(page, 'an unblock request')
  const requestUrl = page.url()
  // NET-4: a site that should be blocked is reported.
  await page.getByRole('link', { name: 'Back to web filtering' }).click()
  await page.getByLabel('Address of the site to block').fill('https://quiz-prizes.example/claim')
  await page.getByLabel('What you found, and where').fill('A pop-up asking pupils for their address to claim a prize.')
  await page.getByRole('button', { name: 'Report the site' }).click()
  check('a site is reported and the report shown', (await page.locator('h1').textContent()).trim() === 'Reported site quiz-prizes.example')
  await axeCheck(page, 'a reported site')
  await signOut(page)

  await signIn(page, base, 'ict.oakfield', password)
  await page.goto(requestUrl)
  await page.getByLabel('What you found').fill('The British Museum\'s learning pages; listed as culture by mistake.')
  await page.getByRole('button', { name: 'Record the check' }).click()
  check('ICT\'s check is recorded', (await page.getByText('listed as culture by mistake').count()) === 1)
  await axeCheck(page, 'an unblock request after the check')
  await page.getByRole('link', { name: 'Back to web filtering' }).click()
  await page.getByRole('link', { name: 'quiz-prizes.example' }).first().click()
  await page.getByLabel('Block the site for everyone at the school').check()
  await page.getByLabel('Why').fill('Collects pupils\' personal details; blocked.')
  await page.getByRole('button', { name: 'Record the outcome' }).click()
  check('ICT block the reported site', (await page.getByText('Blocked: Collects pupils').count()) === 1)
  await axeCheck(page, 'a blocked reported site')
  await signOut(page)

  await signIn(page, base, 'head.oakfield', password)
  await page.getByRole('link', { name: 'Filtering', exact: true }).click()
  check('the head sees every request', (await page.getByRole('link', { name: 'britishmuseum.org' }).count()) >= 1)
  check('the demo exception is listed as open', (await page.getByText('scratch.mit.edu').count()) >= 1)
  await axeCheck(page, 'web filtering for the headteacher')
  await page.goto(requestUrl)
  await page.getByLabel('Approve', { exact: true }).check()
  await page.getByLabel('The decision in writing').fill('Approved for the Vikings topic this half term.')
  await page.getByRole('button', { name: 'Record the decision' }).click()
  check('the approval is recorded in writing', (await page.getByText('Approved for the Vikings topic this half term.').count()) === 1)
  check('the site is open until a date', (await page.getByText('Open until').count()) === 1)
  await axeCheck(page, 'an approved unblock request')
  await signOut(page)

  await signIn(page, base, 'dsl.oakfield', password)
  check('the dashboard tells the DSL of the demo\'s ban',
    (await page.getByText('banned from the network after attempts to get round the filter').count()) >= 1)
  await page.getByRole('link', { name: 'Filtering', exact: true }).click()
  await page.getByRole('link', { name: 'Monitoring report', exact: true }).click()
  check('the DSL opens the monitoring report', (await page.locator('h1').textContent()).trim() === 'Monitoring report')
  check('the report has people and devices', (await page.locator('table').count()) >= 2 &&
    (await page.getByRole('heading', { name: 'By device' }).count()) === 1)
  await axeCheck(page, 'monitoring report')
  // People with attempts come first: the demo's pupil who tried a VPN and proxies.
  const first = page.locator('table').first().locator('tbody tr a').first()
  const pupil = (await first.textContent()).trim()
  await first.click()
  check('a pupil\'s web activity opens', (await page.locator('h1').textContent()).trim() === `Web activity: ${pupil}`)
  check('their attempts to get round the filter are listed', (await page.getByText('A VPN service (vpn)').count()) >= 1)
  await axeCheck(page, 'a person\'s web activity')
  await page.getByRole('link', { name: /^Banned / }).first().click()
  check('the ban is shown', (await page.locator('h1').textContent()).trim() === `Ban from the network: ${pupil}`)
  await axeCheck(page, 'a ban from the network')
  await page.getByRole('button', { name: 'Lift the ban' }).click()
  check('lifting without a reason is refused and says why',
    (await page.locator('.govuk-error-summary').textContent()).includes('Say why the ban is lifted'))
  await axeCheck(page, 'a ban with a refused lift')
  await page.getByLabel('Why the ban is lifted').fill('Met the pupil and their parents; the rules for the network are agreed.')
  await page.getByRole('button', { name: 'Lift the ban' }).click()
  check('the ban is lifted with the reason', (await page.getByText('the rules for the network are agreed').count()) === 1)
  await axeCheck(page, 'a lifted ban')
  await page.getByRole('link', { name: 'Back to attempts to get round the filter' }).click()
  check('no one is banned any more', (await page.getByText('No one is banned from the network.').count()) === 1)
  await axeCheck(page, 'attempts to get round the filter')
  await signOut(page)
}
