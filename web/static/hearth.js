// Hearth browser enhancements. Loaded as an ES module:
//   <script type="module" src="/static/hearth.js"></script>
// Every page works without this file. The Content-Security-Policy is script-src 'self',
// so nothing here is inline and nothing evaluates strings.
//
// 1. Marks the body js-enabled / govuk-frontend-supported (GOV.UK's template does this
//    with an inline script, which CSP forbids), then starts GOV.UK and MoJ Frontend
//    components, also in content that htmx swaps in.
// 2. Session idle-timeout warning, from <body data-session-expires-in="SECONDS"
//    data-session-warn-before="SECONDS">. "Stay signed in" POSTs to /session/extend
//    with the CSRF token from <meta name="csrf-token">.
// 3. Drafts: forms marked data-hearth-draft="KEY" are saved to sessionStorage while
//    typing, restored on load into an empty form, and cleared after a successful submit.
//    They are the signed-in person's alone (<body data-person="ID">), and cleared at
//    sign-out and at an idle sign-out.
// 4. Language that cares: a <textarea data-language-check> gets, after a pause in typing,
//    a polite live region under it listing phrases to think about again, each with a kinder
//    alternative and why (an HTML fragment from POST /language/check). It only suggests:
//    nothing here ever stops a form being submitted.

const GOVUK_FRONTEND = '/static/vendor/govuk-frontend.min.js'
const MOJ_FRONTEND = '/static/vendor/moj-frontend.min.js'
const DRAFT_PREFIX = 'hearth-draft:'
const PENDING_PREFIX = 'hearth-draft-pending:'

const body = document.body
// Who is signed in: a tab shared at a tablet must never offer one person's typing to another.
const person = body.dataset.person || ''
// Module scripts run only in browsers that GOV.UK Frontend supports.
body.classList.add('js-enabled', 'govuk-frontend-supported')

// ---------------------------------------------------------------------------
// 1. Components
// ---------------------------------------------------------------------------

const frontends = []

function logError (error) {
  if (window.console) window.console.warn('hearth:', error)
}

async function startComponents () {
  // Fetch both in parallel; start GOV.UK's components before MoJ's.
  const results = await Promise.allSettled([import(GOVUK_FRONTEND), import(MOJ_FRONTEND)])
  for (const result of results) {
    if (result.status !== 'fulfilled') {
      logError(result.reason) // the page still works without components
      continue
    }
    frontends.push(result.value)
    try {
      result.value.initAll({ scope: document, onError: logError })
    } catch (error) {
      logError(error)
    }
  }
}

// htmx fires htmx:load on every element it adds to the page.
document.addEventListener('htmx:load', (event) => {
  const scope = event.target
  if (!(scope instanceof Element) || scope === body) return
  for (const module of frontends) {
    try {
      module.initAll({ scope, onError: logError })
    } catch (error) {
      logError(error)
    }
  }
  for (const form of formsWithDrafts(scope)) watchDraftForm(form)
  for (const textarea of textareasToCheck(scope)) watchLanguage(textarea)
})

// ---------------------------------------------------------------------------
// 2. Session idle-timeout warning
// ---------------------------------------------------------------------------

function csrfToken () {
  const meta = document.querySelector('meta[name="csrf-token"]')
  return meta ? meta.getAttribute('content') || '' : ''
}

function positiveSeconds (value) {
  const n = Number.parseInt(value || '', 10)
  return Number.isFinite(n) && n > 0 ? n : null
}

const sessionTimeout = {
  expiresIn: positiveSeconds(body.dataset.sessionExpiresIn),
  warnBefore: positiveSeconds(body.dataset.sessionWarnBefore) || 120,
  deadline: 0,
  warnTimer: 0,
  tickTimer: 0,
  element: null,
  message: null,
  button: null,
  returnFocus: null,

  start () {
    if (!this.expiresIn) return
    this.reset(this.expiresIn)
    // Any successful htmx request also refreshes the session on the server.
    document.addEventListener('htmx:afterRequest', (event) => {
      if (event.detail && event.detail.successful) this.reset(this.expiresIn)
    })
  },

  reset (seconds) {
    window.clearTimeout(this.warnTimer)
    window.clearInterval(this.tickTimer)
    this.deadline = Date.now() + seconds * 1000
    const warnIn = Math.max(0, (seconds - this.warnBefore) * 1000)
    this.warnTimer = window.setTimeout(() => this.show(), warnIn)
    this.hide()
  },

  remainingSeconds () {
    return Math.max(0, Math.round((this.deadline - Date.now()) / 1000))
  },

  build () {
    const el = document.createElement('div')
    el.className = 'hearth-session-warning'
    el.id = 'hearth-session-warning'
    el.setAttribute('role', 'alertdialog')
    el.setAttribute('aria-labelledby', 'hearth-session-warning-heading')
    el.setAttribute('aria-describedby', 'hearth-session-warning-message')
    el.tabIndex = -1
    el.hidden = true

    const heading = document.createElement('h2')
    heading.className = 'hearth-session-warning__heading'
    heading.id = 'hearth-session-warning-heading'
    heading.textContent = 'You are about to be signed out'

    const message = document.createElement('p')
    message.className = 'hearth-session-warning__message'
    message.id = 'hearth-session-warning-message'

    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'govuk-button'
    button.setAttribute('data-module', 'govuk-button')
    button.textContent = 'Stay signed in'
    button.addEventListener('click', () => this.extend())

    el.append(heading, message, button)
    body.append(el)
    this.element = el
    this.message = message
    this.button = button
  },

  updateMessage () {
    const seconds = this.remainingSeconds()
    if (seconds <= 0) {
      this.expired()
      return
    }
    const minutes = Math.max(1, Math.ceil(seconds / 60))
    this.message.textContent = `You will be signed out in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}. Anything you are typing will be kept.`
  },

  show () {
    if (!this.element) this.build()
    this.button.hidden = false
    this.button.disabled = false
    this.updateMessage()
    if (this.element.hidden) {
      this.returnFocus = document.activeElement
      this.element.hidden = false
      this.element.focus()
    }
    // Keep the minutes current without re-announcing every second.
    window.clearInterval(this.tickTimer)
    this.tickTimer = window.setInterval(() => this.updateMessage(), 15000)
  },

  hide () {
    if (!this.element || this.element.hidden) return
    this.element.hidden = true
    const target = this.returnFocus
    this.returnFocus = null
    if (target && target !== body && document.contains(target) && typeof target.focus === 'function') {
      target.focus()
    }
  },

  expired () {
    window.clearInterval(this.tickTimer)
    // Nothing of theirs stays in this browser for the next person at it (issue 11). What they
    // typed is still on the page; saving it keeps it on the server, for them alone, until they
    // sign in again.
    signingOut = true
    clearAllDrafts()
    this.button.hidden = true
    this.message.textContent = 'You have been signed out. What you were typing is still on this page: save it, sign in again, and it will be put back for you.'
  },

  async extend () {
    this.button.disabled = true
    try {
      const response = await fetch('/session/extend', {
        method: 'POST',
        credentials: 'same-origin',
        body: new URLSearchParams({ csrf_token: csrfToken() })
      })
      if (response.status === 200 || response.status === 204) {
        this.reset(this.expiresIn)
        return
      }
      this.failed()
    } catch (error) {
      this.failed()
    }
  },

  failed () {
    this.button.disabled = false
    this.message.textContent = 'We could not keep you signed in. Anything you are typing will be kept. Try again, or reload the page.'
  }
}

// ---------------------------------------------------------------------------
// 3. Drafts in sessionStorage
// ---------------------------------------------------------------------------

const storage = (() => {
  try {
    const s = window.sessionStorage
    const probe = '__hearth__'
    s.setItem(probe, probe)
    s.removeItem(probe)
    return s
  } catch (error) {
    return null // storage off or full: drafts are the server's job then
  }
})()

function formsWithDrafts (scope) {
  const forms = Array.from(scope.querySelectorAll('form[data-hearth-draft]'))
  if (scope instanceof HTMLFormElement && scope.hasAttribute('data-hearth-draft')) forms.unshift(scope)
  return forms
}

const SKIPPED_TYPES = new Set(['password', 'file', 'hidden', 'submit', 'button', 'reset', 'image'])
const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'tel', 'url', 'search', 'number', 'date', 'time', 'datetime-local', 'month', 'week'])

function draftFields (form) {
  return Array.from(form.elements).filter((el) =>
    el.name && !el.disabled && !SKIPPED_TYPES.has(el.type) && !el.hasAttribute('data-hearth-draft-ignore'))
}

function draftKey (form) {
  return `${DRAFT_PREFIX}${person}:${form.getAttribute('data-hearth-draft')}`
}

function pendingKey (form) {
  return `${PENDING_PREFIX}${person}:${form.getAttribute('data-hearth-draft')}`
}

function collectDraft (form) {
  const fields = []
  for (const el of draftFields(form)) {
    if (el.type === 'checkbox' || el.type === 'radio') {
      fields.push({ n: el.name, v: el.value, c: el.checked })
    } else if (el.type === 'select-multiple') {
      fields.push({ n: el.name, m: Array.from(el.selectedOptions, (o) => o.value) })
    } else {
      fields.push({ n: el.name, v: el.value })
    }
  }
  return fields
}

let signingOut = false

function saveDraft (form) {
  if (!storage || signingOut) return
  const fields = collectDraft(form)
  const typed = fields.some((f) => (typeof f.v === 'string' && f.c === undefined && f.v.trim() !== ''))
  try {
    if (typed || fields.some((f) => f.c)) {
      storage.setItem(draftKey(form), JSON.stringify({ savedAt: Date.now(), path: location.pathname, fields }))
    }
  } catch (error) {
    logError(error)
  }
}

function saveAllDrafts () {
  for (const form of formsWithDrafts(document)) saveDraft(form)
}

// A form is "empty-unchanged" when the server rendered no text into it (a fresh form,
// not an edit form or a form re-shown with errors) and the person has typed nothing.
function isEmptyUnchanged (form) {
  return draftFields(form).every((el) => {
    if (TEXT_TYPES.has(el.type)) return el.value === '' && el.defaultValue === ''
    if (el.type === 'checkbox' || el.type === 'radio') return el.checked === el.defaultChecked
    if (el.options) return Array.from(el.options).every((o) => o.selected === o.defaultSelected)
    return true
  })
}

function restoreDraft (form) {
  if (!storage || !isEmptyUnchanged(form)) return
  let draft = null
  try {
    draft = JSON.parse(storage.getItem(draftKey(form)) || 'null')
  } catch (error) {
    draft = null
  }
  if (!draft || !Array.isArray(draft.fields)) return

  const els = draftFields(form)
  const used = new Set()
  let restored = false
  for (const f of draft.fields) {
    if (typeof f.n !== 'string') continue
    if (typeof f.c === 'boolean') {
      const el = els.find((e) => e.name === f.n && (e.type === 'checkbox' || e.type === 'radio') && e.value === f.v)
      if (el && el.checked !== f.c) { el.checked = f.c; restored = true; el.dispatchEvent(new Event('change', { bubbles: true })) }
    } else if (Array.isArray(f.m)) {
      const el = els.find((e) => e.name === f.n && e.type === 'select-multiple')
      if (el) {
        for (const o of el.options) o.selected = f.m.includes(o.value)
        restored = true
      }
    } else if (typeof f.v === 'string') {
      // Several fields can share a name; fill them in order.
      const el = els.find((e) => e.name === f.n && !used.has(e) && e.type !== 'checkbox' && e.type !== 'radio')
      if (!el) continue
      used.add(el)
      if (el.value !== f.v) {
        el.value = f.v
        restored = restored || f.v !== ''
        el.dispatchEvent(new Event('input', { bubbles: true })) // e.g. character count
      }
    }
  }
  if (restored) announceRestored(form)
}

function announceRestored (form) {
  const note = document.createElement('div')
  note.className = 'govuk-inset-text'
  note.setAttribute('role', 'status')
  note.textContent = 'We have put back what you were typing earlier in this browser tab. Check it before you save.'
  form.prepend(note)
}

function clearDraft (form) {
  if (!storage) return
  try {
    storage.removeItem(draftKey(form))
    storage.removeItem(pendingKey(form))
  } catch (error) {
    logError(error)
  }
}

function isDraftKey (key) {
  return Boolean(key) && (key.startsWith(DRAFT_PREFIX) || key.startsWith(PENDING_PREFIX))
}

function clearAllDrafts () {
  if (!storage) return
  for (let i = storage.length - 1; i >= 0; i--) {
    const key = storage.key(i)
    if (isDraftKey(key)) storage.removeItem(key)
  }
}

// Drafts of anyone but the person signed in go as a page loads; with nobody signed in (the
// sign-in page after signing out, or after an idle sign-out the tab missed), all of them.
function clearOtherPeoplesDrafts () {
  if (!storage) return
  const own = [`${DRAFT_PREFIX}${person}:`, `${PENDING_PREFIX}${person}:`]
  for (let i = storage.length - 1; i >= 0; i--) {
    const key = storage.key(i)
    if (isDraftKey(key) && (!person || !own.some((prefix) => key.startsWith(prefix)))) storage.removeItem(key)
  }
}

// After an ordinary (non-htmx) submit we cannot see the response, so we mark the draft
// "pending". On the next page: an error summary means the submit failed, so the draft
// stays; otherwise the server accepted it (post/redirect/get) and the draft goes.
function settlePendingDrafts () {
  if (!storage) return
  const failed = document.querySelector('.govuk-error-summary') !== null
  for (let i = storage.length - 1; i >= 0; i--) {
    const key = storage.key(i)
    if (!key || !key.startsWith(PENDING_PREFIX)) continue
    storage.removeItem(key)
    if (!failed) storage.removeItem(DRAFT_PREFIX + key.slice(PENDING_PREFIX.length))
  }
}

const watched = new WeakSet()

function watchDraftForm (form) {
  if (watched.has(form)) return
  watched.add(form)
  restoreDraft(form)

  let timer = 0
  form.addEventListener('input', () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(() => saveDraft(form), 400)
  })
  form.addEventListener('change', () => saveDraft(form))
  form.addEventListener('submit', () => {
    window.clearTimeout(timer)
    saveDraft(form)
    if (storage) {
      try { storage.setItem(pendingKey(form), '1') } catch (error) { logError(error) }
    }
  })
  // htmx-submitted forms: we do see the outcome.
  form.addEventListener('htmx:afterRequest', (event) => {
    if (event.detail && event.detail.elt === form && event.detail.successful) clearDraft(form)
  })
}

function startDrafts () {
  clearOtherPeoplesDrafts()
  settlePendingDrafts()
  for (const form of formsWithDrafts(document)) watchDraftForm(form)
  window.addEventListener('pagehide', saveAllDrafts)
  // Signing out wipes this tab's drafts: the next person at a shared tablet must not see them.
  document.addEventListener('submit', (event) => {
    const form = event.target
    if (form instanceof HTMLFormElement && new URL(form.action, location.href).pathname === '/sign-out') {
      signingOut = true
      clearAllDrafts()
    }
  })
}

// ---------------------------------------------------------------------------
// 4. Language that cares
// ---------------------------------------------------------------------------

const LANGUAGE_PAUSE_MS = 700
const languageWatched = new WeakSet()
let languageRegions = 0

function textareasToCheck (scope) {
  const found = Array.from(scope.querySelectorAll('textarea[data-language-check]'))
  if (scope instanceof HTMLTextAreaElement && scope.hasAttribute('data-language-check')) found.unshift(scope)
  return found
}

function watchLanguage (textarea) {
  if (languageWatched.has(textarea)) return
  languageWatched.add(textarea)

  const region = document.createElement('div')
  region.className = 'hearth-language-check'
  region.id = `hearth-language-check-${++languageRegions}`
  region.setAttribute('role', 'status')
  region.setAttribute('aria-live', 'polite')
  textarea.insertAdjacentElement('afterend', region)
  const described = (textarea.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
  textarea.setAttribute('aria-describedby', [...described, region.id].join(' '))

  let timer = 0
  let sent = null
  let shown = ''
  let pending = null

  // Rewriting the region announces it again, so only a change is written.
  const show = (html) => {
    if (html === shown) return
    shown = html
    const template = document.createElement('template')
    template.innerHTML = html
    region.replaceChildren(template.content)
  }

  const check = async () => {
    const text = textarea.value
    if (text === sent) return
    sent = text
    if (pending) pending.abort()
    if (text.trim() === '') {
      show('')
      return
    }
    pending = new AbortController()
    try {
      const response = await fetch('/language/check', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'HX-Request': 'true' },
        body: new URLSearchParams({ text, csrf_token: csrfToken() }),
        // Signed out meanwhile: the answer is a redirect to sign in, never to be shown here.
        redirect: 'manual',
        signal: pending.signal
      })
      // A check that cannot be made says nothing: the record saves as it always does.
      if (!response.ok) return
      show(await response.text())
      if (sessionTimeout.expiresIn) sessionTimeout.reset(sessionTimeout.expiresIn)
    } catch (error) {
      if (error.name !== 'AbortError') logError(error)
    }
  }

  textarea.addEventListener('input', () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(check, LANGUAGE_PAUSE_MS)
  })
  textarea.addEventListener('blur', () => {
    window.clearTimeout(timer)
    check()
  })
  // Words already there: a page shown again with what was typed, or a draft put back.
  if (textarea.value.trim() !== '') check()
}

function startLanguageChecks () {
  for (const textarea of textareasToCheck(document)) watchLanguage(textarea)
}

// ---------------------------------------------------------------------------

startDrafts()
startLanguageChecks()
sessionTimeout.start()
startComponents()
