//! Shared by the app's integration tests: a key pair, a store on SQLite (always) or PostgreSQL
//! (when `TEST_DATABASE_URL` is set, in a fresh schema), and `FlowClient`s with issued tokens.
#![allow(
    dead_code,
    unreachable_pub,
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used
)]

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use sign_up::delivery::DevOutbox;
use sign_up::{AppState, ENDPOINT_PATH, app, issue_flow_token};
use waflow::crypto::KeyPair;
use waflow::store::{Pool, Store, StoreOptions};
use waflow::testing::FlowClient;

pub fn pair() -> &'static KeyPair {
    static PAIR: OnceLock<KeyPair> = OnceLock::new();
    PAIR.get_or_init(|| KeyPair::generate().unwrap())
}

/// Where a harness keeps its data.
pub enum Backing {
    Sqlite(tempfile::TempDir),
    Postgres { url: String, schema: String },
}

/// One application on one database.
pub struct Harness {
    pub state: AppState,
    pub outbox: DevOutbox,
    pub store: Store,
    pub backing: Backing,
}

impl Harness {
    /// A fresh SQLite data folder.
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in_dir(dir.path()).await.unwrap();
        Self::on(store, Backing::Sqlite(dir)).await
    }

    /// A fresh PostgreSQL schema, or `None` (with a note) without `TEST_DATABASE_URL`.
    pub async fn postgres(test: &str) -> Option<Self> {
        let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
            eprintln!("note: TEST_DATABASE_URL is unset, skipping the PostgreSQL run of {test}");
            return None;
        };
        static N: AtomicU32 = AtomicU32::new(0);
        let schema = format!(
            "sign_up_{}_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .subsec_nanos(),
            N.fetch_add(1, Ordering::Relaxed)
        );
        let store = Store::open_with(&url, &StoreOptions::default().postgres_schema(&schema))
            .await
            .unwrap();
        Some(Self::on(store, Backing::Postgres { url, schema }).await)
    }

    async fn on(store: Store, backing: Backing) -> Self {
        let outbox = DevOutbox::quiet();
        let state =
            AppState::with_outbox(pair().private_key().clone(), store.clone(), outbox.clone())
                .await
                .unwrap();
        Self {
            state,
            outbox,
            store,
            backing,
        }
    }

    /// A client for `phone` with a freshly issued flow token.
    pub async fn client(&self, phone: &str) -> FlowClient {
        let token = issue_flow_token(&self.store, phone).await.unwrap();
        self.client_with_token(token.expose())
    }

    /// A client with the given token.
    pub fn client_with_token(&self, token: &str) -> FlowClient {
        FlowClient::for_service(app(self.state.clone()), pair().public_key())
            .path(ENDPOINT_PATH)
            .flow_token(token.to_owned())
    }

    /// The last reset code sent to `phone` through the development outbox.
    pub fn last_code(&self, phone: &str) -> String {
        let text = self.outbox.last_for(phone).unwrap().text;
        text.split_whitespace()
            .find(|w| {
                w.len() == 7 && w.ends_with('.') && w[..6].chars().all(|c| c.is_ascii_digit())
            })
            .map(|w| w[..6].to_owned())
            .unwrap()
    }

    /// Closes the store and removes a PostgreSQL schema.
    pub async fn finish(self) {
        if let (Backing::Postgres { schema, .. }, Pool::Postgres(p)) =
            (&self.backing, self.store.pool())
        {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP SCHEMA IF EXISTS {schema} CASCADE"
            )))
            .execute(p)
            .await
            .unwrap();
        }
        self.store.close().await;
    }
}
