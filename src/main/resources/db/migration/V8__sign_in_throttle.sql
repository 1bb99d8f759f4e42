-- Failed sign-ins no longer lock an account (anyone could lock anyone); SignInThrottle slows guessing in memory.
ALTER TABLE member DROP COLUMN failed_sign_ins;
ALTER TABLE member DROP COLUMN locked_until;
