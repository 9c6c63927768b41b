-- Tokens issued before this instant are refused (set by role changes, password resets, enabling after disabling).
ALTER TABLE app_user ADD COLUMN tokens_not_before TIMESTAMPTZ;
-- Accounts created through user administration (events); FALSE for dev users written directly.
ALTER TABLE app_user ADD COLUMN managed BOOLEAN NOT NULL DEFAULT FALSE;
