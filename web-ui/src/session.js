// The logged-in user ("Me"), shared by the whole app.
import { reactive } from 'vue'
import { authApi, ensureCsrf, isSessionEnd } from './api.js'

export const session = reactive({
  /** Me JSON from GET /api/me, or null when not logged in. */
  me: null,
  /** true once we asked the server at least once. */
  loaded: false,
  /** Why the server ended the last session (shown on the log-in page), or ''. */
  endedBecause: ''
})

export function hasRole(role) {
  return !!session.me && (session.me.roles || []).includes(role)
}

/** Asks the server who we are; never throws (a failure means "not logged in"). */
export async function loadMe() {
  try {
    session.me = await authApi.me()
  } catch (e) {
    session.me = null
    // a reload after the server ended the session: the log-in page still says why
    if (isSessionEnd(e)) sessionEnded(e.message)
  }
  session.loaded = true
  return session.me
}

export async function login(username, password) {
  await ensureCsrf()
  const me = await authApi.login(username, password)
  // The server issues a new CSRF token with the new session.
  await ensureCsrf()
  session.me = me && me.username ? me : await authApi.me()
  session.loaded = true
  session.endedBecause = ''
  return session.me
}

export async function logout() {
  try {
    await authApi.logout()
  } catch (e) {
    // Session already gone on the server: we are logged out anyway.
  }
  clearSession()
  await ensureCsrf()
}

export function clearSession() {
  session.me = null
  session.loaded = true
}

/** The server ended the session: forget it and keep the server's reason for the log-in page. */
export function sessionEnded(message) {
  clearSession()
  session.endedBecause = message
}
