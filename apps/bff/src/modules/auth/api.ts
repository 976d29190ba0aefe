/** What other modules may use of the auth module; every other file in this folder is internal. */

export { type ExternalSignInMethod, signInVouchedUser } from './external-sign-in';
export { login, logout } from './login';
export { hasLoginLock, loginLockedUntil, releaseAccountLocks } from './login-throttle-store';
export { toMe } from './me';
export { hashPassword, rememberPassword, requirePasswordPolicy, setUserPassword } from './passwords';
export { hashToken, loadSessionUser, resolveSession, SESSION_COOKIE } from './session-store';
