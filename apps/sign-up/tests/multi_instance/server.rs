//! Runs the real `sign-up` binary for the multi-instance and crash tests: a key pair on disk,
//! a database (a SQLite data folder, or a fresh schema of `TEST_DATABASE_URL`), instances on
//! loopback ports, `FlowClient`s on fresh flow tokens, and `kill -9`.
#![allow(dead_code, unreachable_pub, missing_docs)]

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};
use waflow::crypto::KeyPair;
use waflow::store::{Pool, Store, StoreOptions};
use waflow::testing::FlowClient;

pub const BIN: &str = env!("CARGO_BIN_EXE_sign-up");

/// Where the instances keep their state.
pub enum Db {
    /// `--data-dir`: the embedded SQLite database.
    Sqlite,
    /// `--database-url` with `search_path` set to `schema`.
    Postgres { url: String, schema: String },
}

/// A key pair, a database and a scratch folder shared by the instances of one test.
pub struct Setup {
    pub dir: tempfile::TempDir,
    pub pair: KeyPair,
    pub key_file: PathBuf,
    pub db: Db,
    /// The test's own handle on the same database (tokens, checks).
    pub store: Store,
}

impl Setup {
    /// SQLite in a fresh data folder.
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in_dir(dir.path().join("data")).await.unwrap();
        Self::with(dir, Db::Sqlite, store)
    }

    /// A fresh schema on `TEST_DATABASE_URL`, or `None` (with a printed note) when unset.
    pub async fn postgres(test: &str) -> Option<Self> {
        let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
            eprintln!("note: TEST_DATABASE_URL is unset, skipping the PostgreSQL test {test}");
            return None;
        };
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let schema = format!("g7_{test}_{}_{nanos}", std::process::id());
        let options = StoreOptions::default().postgres_schema(schema.clone());
        let store = Store::open_with(&url, &options).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        Some(Self::with(dir, Db::Postgres { url, schema }, store))
    }

    fn with(dir: tempfile::TempDir, db: Db, store: Store) -> Self {
        let pair = KeyPair::generate().unwrap();
        let key_file = dir.path().join("key.pem");
        let pem = pair.private_key_pem(None).unwrap();
        std::fs::write(&key_file, secrecy::ExposeSecret::expose_secret(&pem)).unwrap();
        Self {
            dir,
            pair,
            key_file,
            db,
            store,
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn command(&self, port: u16) -> Command {
        let mut c = Command::new(BIN);
        c.arg("--addr")
            .arg(format!("127.0.0.1:{port}"))
            .arg("--private-key")
            .arg(&self.key_file)
            .env_remove("DATABASE_URL")
            .env_remove("WAFLOW_TOKEN")
            .env_remove("WAFLOW_PHONE_ID")
            .env_remove("WAFLOW_PRIVATE_KEY")
            .env_remove("WAFLOW_APP_SECRET")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        match &self.db {
            Db::Sqlite => {
                c.arg("--data-dir").arg(self.data_dir());
            }
            Db::Postgres { url, schema } => {
                let sep = if url.contains('?') { '&' } else { '?' };
                // The instance's own data folder holds nothing shared.
                let own = self.dir.path().join(format!("instance-{port}"));
                c.arg("--data-dir").arg(own).env(
                    "DATABASE_URL",
                    format!("{url}{sep}options[search_path]={schema}"),
                );
            }
        }
        c
    }

    /// Starts an instance on a free loopback port and waits until it accepts connections.
    pub async fn start(&self) -> Instance {
        self.start_on(free_port()).await
    }

    /// Starts an instance on `port`.
    pub async fn start_on(&self, port: u16) -> Instance {
        let child = self.command(port).spawn().unwrap();
        let mut instance = Instance { child, port };
        for _ in 0..400 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return instance;
            }
            if let Some(status) = instance.child.try_wait().unwrap() {
                panic!("the server exited at start: {status}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        instance.kill9();
        panic!("the server did not start within 20 s");
    }

    /// A client of `instance` on a fresh flow token for `phone`.
    pub async fn client(&self, instance: &Instance, phone: &str) -> FlowClient {
        let token = self.token(phone).await;
        self.client_with(instance, &token)
    }

    /// A client of `instance` with the given token.
    pub fn client_with(&self, instance: &Instance, token: &str) -> FlowClient {
        FlowClient::for_url(instance.url(), self.pair.public_key()).flow_token(token.to_owned())
    }

    /// A fresh flow token for `phone`, issued on the shared database.
    pub async fn token(&self, phone: &str) -> String {
        sign_up::issue_flow_token(&self.store, phone)
            .await
            .unwrap()
            .expose()
            .to_owned()
    }

    /// How many users have `email`.
    pub async fn users_with_email(&self, email: &str) -> i64 {
        let sql = "SELECT COUNT(*) FROM users WHERE email = $1";
        match self.store.pool() {
            Pool::Sqlite(p) => sqlx::query_scalar(sql).bind(email).fetch_one(p).await,
            Pool::Postgres(p) => sqlx::query_scalar(sql).bind(email).fetch_one(p).await,
        }
        .unwrap()
    }

    /// Every user's e-mail.
    pub async fn all_emails(&self) -> Vec<String> {
        let sql = "SELECT email FROM users ORDER BY id";
        match self.store.pool() {
            Pool::Sqlite(p) => sqlx::query_scalar(sql).fetch_all(p).await,
            Pool::Postgres(p) => sqlx::query_scalar(sql).fetch_all(p).await,
        }
        .unwrap()
    }
}

/// One running server process.
pub struct Instance {
    child: Child,
    pub port: u16,
}

impl Instance {
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/sign-up-flow", self.port)
    }

    /// The development outbox (reset codes sent by this instance).
    pub async fn outbox(&self) -> Vec<Value> {
        use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
        let mut tcp = tokio::net::TcpStream::connect(("127.0.0.1", self.port))
            .await
            .unwrap();
        tcp.write_all(b"GET /dev/outbox HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let mut raw = Vec::new();
        tcp.read_to_end(&mut raw).await.unwrap();
        let text = String::from_utf8(raw).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        serde_json::from_str(body).unwrap()
    }

    /// `kill -9`: no graceful shutdown, nothing flushed.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.kill9();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn sign_up_form(email: &str, password: &str) -> Value {
    json!({"first_name": "Ada", "last_name": "Lovelace", "email": email,
           "password": password, "confirm_password": password})
}

/// The 6-digit code in the last outbox message to `phone`.
pub fn code_for(outbox: &[Value], phone: &str) -> Option<String> {
    let text = outbox
        .iter()
        .rev()
        .find(|m| m["to"] == phone)?
        .get("text")?
        .as_str()?;
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .map(str::to_owned)
}
