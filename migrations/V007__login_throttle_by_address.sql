-- Sign-in throttling counts failures per username at one address and per address across usernames.
DROP INDEX login_failures_username_at;
CREATE INDEX login_failures_username_addr_at ON login_failures (username, remote_addr, at);
CREATE INDEX login_failures_addr_at ON login_failures (remote_addr, at);
