/** What other modules may use of the auth module; every other file in this folder is internal. */
export { hasLoginLock, loginLockedUntil, releaseAccountLocks } from './login-throttle-store';
export { hashPassword, rememberPassword, requirePasswordPolicy, setUserPassword } from './passwords';
export { loadSessionUser, resolveSession, SESSION_COOKIE } from './session-store';
