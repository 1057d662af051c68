//! The real binary: sign up, stop the server, start it again on the same data folder, log in.
//! Also `issue-token` while the server runs and `flow-json`. Loopback only.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::json;
use waflow::crypto::PublicKey;
use waflow::testing::FlowClient;

const BIN: &str = env!("CARGO_BIN_EXE_sign-up");

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn command(data: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--data-dir")
        .arg(data)
        .env_remove("DATABASE_URL")
        .env_remove("WAFLOW_TOKEN")
        .env_remove("WAFLOW_PRIVATE_KEY")
        .env("RUST_LOG", "warn");
    c
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn start(data: &Path, port: u16) -> Server {
    let child = command(data)
        .arg("--addr")
        .arg(format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server(child);
    for _ in 0..200 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return server;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not start");
}

/// Stops the server as Ctrl-C does (graceful shutdown).
fn stop(mut server: Server) {
    let pid = server.0.id().to_string();
    let status = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(status.success());
    for _ in 0..200 {
        if server.0.try_wait().unwrap().is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the server did not stop");
}

fn issue_token(data: &Path, phone: &str) -> String {
    let out = command(data)
        .args(["issue-token", "--phone", phone])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert_eq!(token.len(), 32);
    token
}

fn client(data: &Path, port: u16, phone: &str) -> FlowClient {
    let pem = std::fs::read_to_string(data.join("dev_public_key.pem")).unwrap();
    FlowClient::for_url(
        format!("http://127.0.0.1:{port}{}", sign_up::ENDPOINT_PATH),
        PublicKey::from_pem(&pem).unwrap(),
    )
    .flow_token(issue_token(data, phone))
}

#[tokio::test]
async fn sign_up_restart_log_in() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let port = free_port();

    let server = start(data, port).await;
    let c = client(data, port, "+15550177");
    let ex = c
        .data_exchange(
            "SIGN_UP",
            json!({"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.test",
                   "password": "secret123", "confirm_password": "secret123"}),
        )
        .await
        .unwrap();
    assert_eq!(ex.screen(), Some("LOGIN"));
    stop(server);

    let port = free_port();
    let server = start(data, port).await;
    let c = client(data, port, "+15550177");
    let ex = c
        .data_exchange(
            "LOGIN",
            json!({"email": "ada@example.test", "password": "secret123"}),
        )
        .await
        .unwrap();
    assert_eq!(ex.status, 200);
    assert_eq!(ex.screen(), Some("LOGIN_SUCCESS"));
    assert_eq!(ex.data().unwrap()["name"], "Ada Lovelace");
    stop(server);
}

#[test]
fn flow_json_prints_the_valid_flow() {
    let dir = tempfile::tempdir().unwrap();
    let out = command(dir.path()).arg("flow-json").output().unwrap();
    assert!(out.status.success());
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed, sign_up::flow::sign_up_flow().to_value());
    assert_eq!(printed["version"], "7.3");
}
