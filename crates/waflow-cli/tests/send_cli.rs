//! `waflow send` without `--token`: a fresh flow token per send, sent and printed; and the
//! CLI's log lines (a retried Graph call) carry no ANSI colour when stderr is not a terminal.
//!
//! The send answer follows Meta's Cloud API "Send messages" reference
//! (`messaging_product`, `contacts[{input,wa_id}]`, `messages[{id}]`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn waflow(server: &MockServer) -> Command {
    let mut cmd = Command::cargo_bin("waflow").unwrap();
    for var in [
        "WAFLOW_TOKEN",
        "WAFLOW_WABA_ID",
        "WAFLOW_PHONE_ID",
        "WAFLOW_APP_ID",
        "WAFLOW_APP_SECRET",
        "WAFLOW_GRAPH_URL",
        "WAFLOW_GRAPH_VERSION",
        "RUST_LOG",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("WAFLOW_TOKEN", "EAAG-test")
        .env("WAFLOW_PHONE_ID", "222")
        .env("WAFLOW_GRAPH_URL", server.uri())
        .env("WAFLOW_GRAPH_VERSION", "v26.0")
        .timeout(std::time::Duration::from_secs(60));
    cmd
}

fn sent() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"messaging_product": "whatsapp",
        "contacts": [{"input": "15550001111", "wa_id": "15550001111"}], "messages": [{"id": "wamid.X1"}]}))
}

async fn output(mut cmd: Command) -> std::process::Output {
    tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap()
}

/// The `flow_token` of every message the Graph stand-in received, in order.
async fn sent_tokens(server: &MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path() == "/v26.0/222/messages")
        .map(|r| {
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            body["interactive"]["action"]["parameters"]["flow_token"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn without_token_each_send_generates_prints_and_sends_a_fresh_one() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/222/messages"))
        .respond_with(sent())
        .expect(3)
        .mount(&server)
        .await;
    let mut printed = Vec::new();
    for _ in 0..2 {
        let mut cmd = waflow(&server);
        cmd.args(["send", "--to", "15550001111", "--flow", "sign_up"]);
        let out = output(cmd).await;
        assert!(out.status.success());
        let stdout = String::from_utf8(out.stdout).unwrap();
        let token = stdout
            .trim()
            .strip_prefix("sent wamid.X1 to 15550001111 with flow token ")
            .unwrap_or_else(|| panic!("{stdout}"))
            .to_owned();
        printed.push(token);
    }
    assert_ne!(printed[0], printed[1], "a fresh token per send");
    for t in &printed {
        let hex = t.strip_prefix("waflow-").unwrap();
        assert_eq!(hex.len(), 32, "128 bits: {t}");
        assert!(hex.bytes().all(|b| b.is_ascii_hexdigit()), "{t}");
    }
    assert_eq!(
        sent_tokens(&server).await,
        printed,
        "the printed token is the one sent"
    );

    // --json carries it too.
    let mut cmd = waflow(&server);
    cmd.args(["send", "--to", "15550001111", "--flow", "1001", "--json"]);
    let out = output(cmd).await;
    assert!(out.status.success());
    let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
    let token = answer["flow_token"].as_str().unwrap();
    assert!(token.starts_with("waflow-") && !printed.iter().any(|p| p == token));
    assert_eq!(answer["messages"][0]["id"], "wamid.X1");
    assert_eq!(sent_tokens(&server).await[2], token);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_given_token_is_sent_unchanged() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/222/messages"))
        .respond_with(sent())
        .mount(&server)
        .await;
    let mut cmd = waflow(&server);
    cmd.args([
        "send",
        "--to",
        "15550001111",
        "--flow",
        "1001",
        "--token",
        "tok-1",
    ]);
    let out = output(cmd).await;
    assert!(out.status.success());
    assert_eq!(sent_tokens(&server).await, ["tok-1"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn log_lines_have_no_ansi_colour_when_stderr_is_not_a_terminal() {
    let server = MockServer::start().await;
    // First attempt 503 (retried, logged as a warning), then the answer.
    Mock::given(method("POST"))
        .and(path("/v26.0/222/messages"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v26.0/222/messages"))
        .respond_with(sent())
        .with_priority(2)
        .mount(&server)
        .await;
    let mut cmd = waflow(&server);
    cmd.args([
        "send",
        "--to",
        "15550001111",
        "--flow",
        "1001",
        "--token",
        "t",
    ]);
    let out = output(cmd).await;
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("Graph API call will be retried"),
        "{stderr}"
    );
    assert!(stderr.contains("WARN"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "no escape codes: {stderr:?}");
}
