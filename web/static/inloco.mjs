// Marks the page as script-capable and starts govuk-frontend's components.
// Loaded as a module from our own origin: the CSP forbids inline script.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// "Print" buttons: hidden without scripts (the browser's own print command
// still works, and the print style leaves the menus and forms out).
for (const button of document.querySelectorAll('[data-inloco-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
