CREATE TABLE app_user (
    username       VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash  VARCHAR(100) NOT NULL,
    roles          VARCHAR(200) NOT NULL,
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- List names are unique: a set-based rule that an aggregate alone cannot enforce.
CREATE TABLE curated_list_name (
    name     VARCHAR(100) NOT NULL PRIMARY KEY,
    list_id  UUID         NOT NULL UNIQUE
);
