using System.Collections.Immutable;

namespace Chargebox.Storage.Sqlite;

/// <summary>The schema of <c>chargebox.db</c>, as the list of steps that build it. To change the schema,
/// append a step with the next version; never edit a released one (files in the field have applied it).
/// Later issues add their tables here (transactions, authorization cache, certificates, security log).</summary>
internal static class SchemaMigrations
{
    public static ImmutableArray<SchemaMigration> All { get; } =
    [
        new(1, "device-model values, availability, outgoing message queue", """
            CREATE TABLE device_model_value (
                key   TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID;

            -- -1 stands for "no EVSE" / "no connector": SQLite treats NULLs as distinct in a primary key,
            -- so nullable columns would let the station-wide setting be stored twice instead of replaced.
            CREATE TABLE availability (
                evse_id      INTEGER NOT NULL CHECK (evse_id >= -1),
                connector_id INTEGER NOT NULL CHECK (connector_id >= -1),
                operative    INTEGER NOT NULL CHECK (operative IN (0, 1)),
                PRIMARY KEY (evse_id, connector_id),
                CHECK (evse_id <> -1 OR connector_id = -1)
            ) WITHOUT ROWID;

            -- AUTOINCREMENT: an id is never reused, even after the queue was emptied, so ids keep increasing.
            CREATE TABLE message_queue (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                action    TEXT    NOT NULL,
                payload   BLOB    NOT NULL,
                queued_at TEXT    NOT NULL,
                attempts  INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0)
            );
            """),
        new(2, "network connection profiles", """
            -- B09: one NetworkConnectionProfileType per configuration slot, as its OCPP JSON.
            CREATE TABLE network_profile (
                configuration_slot INTEGER NOT NULL PRIMARY KEY,
                connection_data    TEXT    NOT NULL
            ) WITHOUT ROWID;
            """),
        new(3, "running transactions", """
            CREATE TABLE running_transaction (
                transaction_id TEXT    NOT NULL PRIMARY KEY,
                evse_id        INTEGER NOT NULL CHECK (evse_id >= 1),
                connector_id   INTEGER NOT NULL CHECK (connector_id >= 1),
                next_seq_no    INTEGER NOT NULL CHECK (next_seq_no >= 0),
                started_at     TEXT    NOT NULL
            ) WITHOUT ROWID;
            """),
        new(4, "authorization cache", """
            -- C10: what the CSMS last said of each token (IdTokenType and IdTokenInfoType as OCPP JSON);
            -- idToken is case-insensitive (NOCASE), last_used orders eviction and LifeTime.
            CREATE TABLE authorization_cache (
                id_token      TEXT NOT NULL COLLATE NOCASE,
                id_token_type TEXT NOT NULL,
                token         TEXT NOT NULL,
                info          TEXT NOT NULL,
                last_used     TEXT NOT NULL,
                PRIMARY KEY (id_token, id_token_type)
            ) WITHOUT ROWID;
            """),
        new(5, "installed certificates and the station's keys", """
            -- M05, A02: one row per installed certificate; rowid keeps the installation order. The private key
            -- (PKCS#8 DER) is set only for the station's own certificate.
            CREATE TABLE certificate (
                id          TEXT NOT NULL UNIQUE,
                use         TEXT NOT NULL,
                pem         TEXT NOT NULL,
                private_key BLOB
            );

            -- Named station-wide values of the store: 'seeded' (filled from the options once), 'pending_key'
            -- (the key of a certificate signing request awaiting its certificate).
            CREATE TABLE certificate_store_state (
                name  TEXT NOT NULL PRIMARY KEY,
                value BLOB NOT NULL
            ) WITHOUT ROWID;
            """),
        new(6, "security log", """
            -- A04.FR.01: every security event; bounded by the station, which deletes the oldest ids first.
            CREATE TABLE security_log (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                timestamp TEXT    NOT NULL,
                type      TEXT    NOT NULL,
                tech_info TEXT
            );
            """),
        new(7, "firmware update in progress", """
            -- L01: at most one update runs; the single row (slot 1) is what a reboot resumes or reports.
            CREATE TABLE firmware_update (
                slot                INTEGER NOT NULL PRIMARY KEY CHECK (slot = 1),
                request_id          INTEGER NOT NULL,
                status              TEXT    NOT NULL,
                location            TEXT    NOT NULL,
                retrieve_date_time  TEXT    NOT NULL,
                install_date_time   TEXT,
                signing_certificate TEXT    NOT NULL,
                signature           TEXT    NOT NULL,
                retries_left        INTEGER NOT NULL CHECK (retries_left >= 0),
                retry_interval      INTEGER NOT NULL CHECK (retry_interval >= 0),
                image_path          TEXT    NOT NULL
            ) WITHOUT ROWID;
            """),
        new(8, "local authorization list", """
            -- D01: the entries of the Local Authorization List (IdTokenType and IdTokenInfoType as OCPP JSON);
            -- idToken is case-insensitive (NOCASE).
            CREATE TABLE local_auth_list (
                id_token      TEXT NOT NULL COLLATE NOCASE,
                id_token_type TEXT NOT NULL,
                token         TEXT NOT NULL,
                info          TEXT NOT NULL,
                PRIMARY KEY (id_token, id_token_type)
            ) WITHOUT ROWID;

            -- D01.FR.01: the version the list was given with its last update; a single row (slot 1).
            CREATE TABLE local_auth_list_version (
                slot           INTEGER NOT NULL PRIMARY KEY CHECK (slot = 1),
                version_number INTEGER NOT NULL CHECK (version_number >= 0)
            ) WITHOUT ROWID;
            """),
        new(9, "reservations", """
            -- H01: the reservations accepted and not yet used, cancelled or expired; evse_id NULL for an
            -- unspecified EVSE. Tokens and connector type are kept as their OCPP wire strings.
            CREATE TABLE reservation (
                id                  INTEGER NOT NULL PRIMARY KEY,
                expiry_date_time    TEXT    NOT NULL,
                id_token            TEXT    NOT NULL,
                id_token_type       TEXT    NOT NULL,
                group_id_token      TEXT,
                group_id_token_type TEXT,
                evse_id             INTEGER,
                connector_type      TEXT
            ) WITHOUT ROWID;
            """),
        new(10, "display messages", """
            -- O01/O02: the display messages set by the CSMS, each its MessageInfoType as OCPP JSON.
            CREATE TABLE display_message (
                id      INTEGER NOT NULL PRIMARY KEY,
                message TEXT    NOT NULL
            ) WITHOUT ROWID;
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
