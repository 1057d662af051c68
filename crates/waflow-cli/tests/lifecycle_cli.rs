//! The lifecycle commands run as the real `waflow` binary against a wiremock Graph API:
//! keygen, key upload/show, flows deploy (create, unchanged, Meta's validation errors, offline
//! errors), list, get, publish, preview, send, webhook register, and Meta errors.
//!
//! Answers recorded from Meta's docs, as in `crates/waflow/tests/cloud_client.rs`:
//! `{"success": true}`, `{"id": …}`, "List Flows", "List Assets", "Get Preview URL" and "Get
//! Encryption Public Key" from WhatsApp/WhatsApp-Flows-Tools
//! `postman/v1/whatsapp-flows-api.postman_collection.json`; the validation errors from Meta's
//! Flows API reference ("Update Flow JSON"); the error object from Meta's Cloud API error-codes
//! page; the send answer from Meta's "Send messages" reference. The deployed flow is the seed
//! tutorial's `signup_flow.json` (copied into `crates/waflow/tests/fixtures/graph/`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};
use wiremock::matchers::{body_json, body_string_contains, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn seed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../waflow/tests/fixtures/graph/signup_flow.json")
}

/// The binary with credentials pointing at `server`; nothing from the caller's environment leaks in.
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
    ] {
        cmd.env_remove(var);
    }
    cmd.env("WAFLOW_TOKEN", "EAAG-test")
        .env("WAFLOW_WABA_ID", "111")
        .env("WAFLOW_PHONE_ID", "222")
        .env("WAFLOW_APP_ID", "333")
        .env("WAFLOW_APP_SECRET", "app-secret")
        .env("WAFLOW_GRAPH_URL", server.uri())
        .env("WAFLOW_GRAPH_VERSION", "v26.0")
        .timeout(std::time::Duration::from_secs(60));
    cmd
}

/// Runs an assert_cmd command off the async runtime that hosts wiremock.
async fn run(mut cmd: Command) -> assert_cmd::assert::Assert {
    tokio::task::spawn_blocking(move || cmd.assert())
        .await
        .unwrap()
}

fn ok(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

async fn no_flows(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/v26.0/111/flows"))
        .respond_with(ok(json!({"data": []})))
        .mount(server)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn keygen_writes_a_private_key_only_its_owner_can_read() {
    let server = MockServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = waflow(&server);
    cmd.args(["keygen", "--passphrase", "s3cret", "--out-dir"])
        .arg(dir.path());
    run(cmd)
        .await
        .success()
        .stdout(predicate::str::contains("private.pem"));
    let private = std::fs::read_to_string(dir.path().join("private.pem")).unwrap();
    assert!(private.contains("ENCRYPTED PRIVATE KEY"));
    assert!(
        std::fs::read_to_string(dir.path().join("public.pem"))
            .unwrap()
            .contains("BEGIN PUBLIC KEY")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(dir.path().join("private.pem"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let mut again = waflow(&server);
    again.args(["keygen", "--out-dir"]).arg(dir.path());
    run(again)
        .await
        .failure()
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("private.pem")).unwrap(),
        private,
        "not overwritten"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn key_upload_sends_the_public_half_and_show_reads_it() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/222/whatsapp_business_encryption"))
        .and(body_string_contains(
            "business_public_key=-----BEGIN+PUBLIC+KEY-----",
        ))
        .respond_with(ok(json!({"success": true})))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v26.0/222/whatsapp_business_encryption"))
        .respond_with(ok(json!({"data": [{"business_public_key": "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqh...AQAB\n-----END PUBLIC KEY-----",
            "business_public_key_signature_status": "VALID"}]})))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let mut gen_cmd = waflow(&server);
    gen_cmd.args(["keygen", "--out-dir"]).arg(dir.path());
    run(gen_cmd).await.success();
    let mut up = waflow(&server);
    up.args(["key", "upload", "--public-key"])
        .arg(dir.path().join("public.pem"));
    run(up)
        .await
        .success()
        .stdout(predicate::str::contains("uploaded"));
    let mut from_private = waflow(&server);
    from_private
        .args(["key", "upload", "--public-key"])
        .arg(dir.path().join("private.pem"));
    run(from_private).await.success();
    let mut show = waflow(&server);
    show.args(["key", "show"]);
    run(show)
        .await
        .success()
        .stdout(predicate::str::contains("signature status: VALID"));
}

#[tokio::test(flavor = "multi_thread")]
async fn deploy_creates_uploads_and_publishes_a_new_flow() {
    let server = MockServer::start().await;
    no_flows(&server).await;
    Mock::given(method("POST"))
        .and(path("/v26.0/111/flows"))
        .and(body_json(json!({"name": "sign_up", "categories": ["SIGN_UP", "SIGN_IN"], "endpoint_uri": "https://example.com/sign-up-flow"})))
        .respond_with(ok(json!({"id": "1001"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v26.0/1001/assets"))
        .and(body_string_contains("\"LOGIN_SUCCESS\""))
        .respond_with(ok(json!({"success": true, "validation_errors": []})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v26.0/1001/publish"))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    let mut cmd = waflow(&server);
    cmd.args(["flows", "deploy"]).arg(seed()).args([
        "--name",
        "sign_up",
        "--endpoint-uri",
        "https://example.com/sign-up-flow",
        "--categories",
        "sign-up,sign-in",
        "--publish",
        "--json",
    ]);
    let out = run(cmd).await.success().get_output().stdout.clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["flow_id"], "1001");
    assert_eq!(
        (
            report["created"].as_bool(),
            report["uploaded"].as_bool(),
            report["published"].as_bool()
        ),
        (Some(true), Some(true), Some(true))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn deploy_skips_the_upload_when_meta_has_the_same_json() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v26.0/111/flows"))
        .respond_with(ok(json!({"data": [{"name": "sign_up", "status": "DRAFT", "categories": ["SIGN_UP"], "validation_errors": [], "id": "1001"}]})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v26.0/1001/assets"))
        .respond_with(ok(json!({"data": [{"name": "flow.json", "asset_type": "FLOW_JSON", "download_url": format!("{}/cdn/flow.json", server.uri())}]})))
        .mount(&server)
        .await;
    // Same document, different whitespace.
    let compact = serde_json::to_string(
        &serde_json::from_str::<Value>(&std::fs::read_to_string(seed()).unwrap()).unwrap(),
    )
    .unwrap();
    Mock::given(method("GET"))
        .and(path("/cdn/flow.json"))
        .respond_with(ResponseTemplate::new(200).set_body_string(compact))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v26.0/1001/assets"))
        .respond_with(ok(json!({"success": true})))
        .expect(0)
        .mount(&server)
        .await;
    let mut cmd = waflow(&server);
    cmd.args(["flows", "deploy"])
        .arg(seed())
        .args(["--name", "sign_up"]);
    run(cmd)
        .await
        .success()
        .stdout(predicate::str::contains("1001"))
        .stderr(predicate::str::contains("unchanged"));
}

#[tokio::test(flavor = "multi_thread")]
async fn deploy_prints_metas_validation_errors_like_validate() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v26.0/111/flows"))
        .respond_with(ok(
            json!({"data": [{"name": "sign_up", "status": "DRAFT", "id": "1001"}]}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v26.0/1001/assets"))
        .respond_with(ok(json!({"data": []})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v26.0/1001/assets"))
        .respond_with(ok(json!({"success": false, "validation_errors": [{"error": "INVALID_PROPERTY_VALUE", "error_type": "FLOW_JSON_ERROR",
            "message": "Invalid value found for property 'type'.", "line_start": 10, "line_end": 10, "column_start": 21, "column_end": 34,
            "pointers": [{"line_start": 10, "line_end": 10, "column_start": 21, "column_end": 34, "path": "screens[0].layout.children[0].type"}]}]})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v26.0/1001/publish"))
        .respond_with(ok(json!({"success": true})))
        .expect(0)
        .mount(&server)
        .await;
    let mut cmd = waflow(&server);
    cmd.args(["flows", "deploy"])
        .arg(seed())
        .args(["--name", "sign_up", "--publish"]);
    let file = seed().display().to_string();
    run(cmd).await.code(1).stdout(predicate::str::contains(format!(
        "{file}: /screens/0/layout/children/0/type: INVALID_PROPERTY_VALUE: Invalid value found for property 'type'. (line 10, column 21)"
    )));
}

#[tokio::test(flavor = "multi_thread")]
async fn deploy_refuses_a_file_that_fails_offline_validation_without_calling_meta() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ok(json!({})))
        .expect(0)
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"version": "7.3", "screens": []}"#).unwrap();
    let mut cmd = waflow(&server);
    cmd.args(["flows", "deploy"])
        .arg(&bad)
        .args(["--name", "x"]);
    run(cmd)
        .await
        .code(1)
        .stderr(predicate::str::contains("not deployed"));
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{ not json").unwrap();
    let mut cmd = waflow(&server);
    cmd.args(["flows", "deploy"])
        .arg(&broken)
        .args(["--name", "x"]);
    run(cmd)
        .await
        .code(1)
        .stderr(predicate::str::contains("not valid JSON"));
}

#[tokio::test(flavor = "multi_thread")]
async fn list_get_publish_and_preview() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v26.0/111/flows"))
        .respond_with(ok(json!({"data": [
            {"name": "my first flow", "status": "DRAFT", "categories": ["SIGN_UP"], "validation_errors": [], "id": "1001"},
            {"name": "another flow", "status": "PUBLISHED", "categories": ["CONTACT_US"], "validation_errors": [], "id": "1003"}],
            "paging": {"cursors": {"before": "QVFIUnpKT...", "after": "QVFIUnZAWV..."}}})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v26.0/1001"))
        .and(query_param("fields", waflow::cloud::FLOW_FIELDS))
        .respond_with(ok(json!({"id": "1001", "name": "my first flow", "status": "DRAFT", "categories": ["SIGN_UP"], "validation_errors": []})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v26.0/1001/publish"))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v26.0/1001"))
        .and(query_param("fields", "preview.invalidate(false)"))
        .respond_with(ok(json!({"preview": {"preview_url": "https://business.facebook.com/wa/manage/flows/550.../preview/?token=b9d6....",
            "expires_at": "2023-05-21T11:18:09+0000"}, "id": "1001"})))
        .mount(&server)
        .await;

    let mut list = waflow(&server);
    list.args(["flows", "list", "--json"]);
    let out = run(list).await.success().get_output().stdout.clone();
    let flows: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(flows.as_array().unwrap().len(), 2);
    assert_eq!(flows[1]["status"], "PUBLISHED");

    let mut get = waflow(&server);
    get.args(["flows", "get", "my first flow"]);
    run(get)
        .await
        .success()
        .stdout(predicate::str::contains("status:      DRAFT"));

    let mut publish = waflow(&server);
    publish.args(["flows", "publish", "1001"]);
    run(publish)
        .await
        .success()
        .stdout(predicate::str::contains("flow 1001 published"));

    let mut preview = waflow(&server);
    preview.args([
        "flows",
        "preview",
        "1001",
        "--interactive",
        "--screen",
        "SIGN_UP",
    ]);
    run(preview)
        .await
        .success()
        .stdout(predicate::str::contains(
            "interactive=true&flow_action=navigate",
        ));

    let mut missing = waflow(&server);
    missing.args(["flows", "get", "no such flow"]);
    run(missing)
        .await
        .failure()
        .stderr(predicate::str::contains("no flow named"));
}

#[tokio::test(flavor = "multi_thread")]
async fn send_a_draft_flow_to_a_phone() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/222/messages"))
        .and(body_json(json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": "15550001111", "type": "interactive",
            "interactive": {"type": "flow", "body": {"text": "Tap the button to continue."},
                "action": {"name": "flow", "parameters": {"flow_message_version": "3", "flow_name": "sign_up", "flow_cta": "Sign up",
                    "flow_token": "tok-1", "mode": "draft", "flow_action": "navigate", "flow_action_payload": {"screen": "SIGN_UP"}}}}})))
        .respond_with(ok(json!({"messaging_product": "whatsapp", "contacts": [{"input": "15550001111", "wa_id": "15550001111"}], "messages": [{"id": "wamid.X1"}]})))
        .expect(1)
        .mount(&server)
        .await;
    let mut cmd = waflow(&server);
    cmd.args([
        "send",
        "--to",
        "15550001111",
        "--flow",
        "sign_up",
        "--draft",
        "--screen",
        "SIGN_UP",
        "--token",
        "tok-1",
        "--cta",
        "Sign up",
    ]);
    run(cmd)
        .await
        .success()
        .stdout(predicate::str::contains("sent wamid.X1 to 15550001111"));
}

#[tokio::test(flavor = "multi_thread")]
async fn meta_errors_are_plain_words_with_the_code() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/222/messages"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({"error": {"message": "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
            "type": "OAuthException", "code": 131047, "error_subcode": 2494010, "fbtrace_id": "Az8or2yhqkZfEZ-_4Qn_Bam"}})))
        .mount(&server)
        .await;
    let mut cmd = waflow(&server);
    cmd.args(["send", "--to", "1555", "--flow", "1001"]);
    run(cmd).await.code(1).stderr(
        predicate::str::contains("sending the flow failed")
            .and(predicate::str::contains("131047"))
            .and(predicate::str::contains("Az8or2yhqkZfEZ-_4Qn_Bam")),
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn webhook_register_posts_the_subscription() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/333/subscriptions"))
        .and(body_string_contains(
            "callback_url=https%3A%2F%2Fexample.com%2Fwebhook",
        ))
        .and(body_string_contains("fields=messages%2Cflows"))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    let mut cmd = waflow(&server);
    cmd.args([
        "webhook",
        "register",
        "--callback-url",
        "https://example.com/webhook",
        "--verify-token",
        "verify-me",
    ]);
    run(cmd)
        .await
        .success()
        .stdout(predicate::str::contains("webhook registered"));
}

#[tokio::test(flavor = "multi_thread")]
async fn missing_credentials_are_named() {
    let server = MockServer::start().await;
    let mut cmd = waflow(&server);
    cmd.env_remove("WAFLOW_TOKEN").args(["flows", "list"]);
    run(cmd)
        .await
        .failure()
        .stderr(predicate::str::contains("WAFLOW_TOKEN"));
    let mut cmd = waflow(&server);
    cmd.env_remove("WAFLOW_PHONE_ID")
        .args(["send", "--to", "1", "--flow", "1"]);
    run(cmd)
        .await
        .failure()
        .stderr(predicate::str::contains("WAFLOW_PHONE_ID"));
}

#[tokio::test(flavor = "multi_thread")]
async fn deploy_updates_an_existing_flow_whose_json_changed() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v26.0/111/flows"))
        .respond_with(ok(
            json!({"data": [{"name": "sign_up", "status": "DRAFT", "categories": ["SIGN_UP"],
            "endpoint_uri": "https://old.example.com/flow", "id": "1001"}]}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v26.0/1001"))
        .and(body_json(
            json!({"endpoint_uri": "https://example.com/sign-up-flow"}),
        ))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v26.0/1001/assets"))
        .respond_with(ok(json!({"data": [{"name": "flow.json", "asset_type": "FLOW_JSON", "download_url": format!("{}/cdn/flow.json", server.uri())}]})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/cdn/flow.json"))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(r#"{"version": "3.0", "screens": []}"#),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v26.0/1001/assets"))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    let mut cmd = waflow(&server);
    cmd.args(["flows", "deploy"]).arg(seed()).args([
        "--name",
        "sign_up",
        "--endpoint-uri",
        "https://example.com/sign-up-flow",
        "--json",
    ]);
    let out = run(cmd).await.success().get_output().stdout.clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        (
            report["created"].as_bool(),
            report["metadata_updated"].as_bool(),
            report["uploaded"].as_bool()
        ),
        (Some(false), Some(true), Some(true))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn deprecate_and_delete_report_metas_refusal() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/1003/deprecate"))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/v26.0/1003"))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"error": {"message": "Can't delete a flow that is not in DRAFT status",
            "type": "OAuthException", "code": 139004, "fbtrace_id": "AbC"}}),
        ))
        .mount(&server)
        .await;
    let mut dep = waflow(&server);
    dep.args(["flows", "deprecate", "1003", "--json"]);
    let out = run(dep).await.success().get_output().stdout.clone();
    assert_eq!(
        serde_json::from_slice::<Value>(&out).unwrap()["deprecated"],
        true
    );
    let mut del = waflow(&server);
    del.args(["flows", "delete", "1003"]);
    run(del)
        .await
        .code(1)
        .stderr(predicate::str::contains("139004"));
}
