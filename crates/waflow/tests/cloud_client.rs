//! The Graph API client against wiremock, one test per call (success and failure).
//!
//! Recorded payloads and where they come from:
//! - `fixtures/graph/get_flow.json`: WhatsApp/WhatsApp-Flows-Tools
//!   `postman/v1/whatsapp-flows-api.postman_collection.json`, "Get Flow" example response; the
//!   `health_status` block follows the shape in Meta's Flows API reference (`can_send_message`,
//!   `entities[{entity_type,id,can_send_message,errors[{error_code,error_description,possible_solution}]}]`,
//!   see `shared/reference/FLOWS_SPEC.md` §6), with our values.
//! - `fixtures/graph/list_flows.json`: same Postman collection, "List Flows" example response.
//! - `fixtures/graph/upload_validation_errors.json`: Meta Flows API reference, "Update Flow JSON"
//!   error response (`validation_errors` with `line_start`…`column_end` and `pointers[].path`).
//! - `fixtures/graph/graph_error.json`: Meta Cloud API "Error codes" page, error object example
//!   (code 131047, `error_subcode` 2494010, `fbtrace_id`).
//! - Inline bodies `{"success": true}`, `{"id": "flow-1"}`, the preview, assets and public-key
//!   answers: same Postman collection ("Publish Flow", "Create Flow", "Get Preview URL",
//!   "List Assets", "Get Encryption Public Key"); the send answer: Meta Cloud API "Send messages"
//!   reference (`messaging_product`, `contacts[{input,wa_id}]`, `messages[{id}]`); metrics: Meta
//!   Flows API "Flow metrics" (`metric.data_points[{timestamp,data[{key,value}]}]`); migration:
//!   pywa `pywa/api.py` `migrate_flows` (`migrated_flows` / `failed_flows`).
//! - Subscribed apps: Meta Graph API reference "WhatsApp Business Account Subscribed Apps"
//!   (`data[{whatsapp_business_api_data:{id,link,name}}]`); app subscriptions: Meta Graph API
//!   reference "/{app-id}/subscriptions" and the "Subscriptions Edge" page
//!   (`data[{object,callback_url,active,fields[{name,version}]}]`), with our values.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "cloud")]

use std::time::Duration;

use secrecy::SecretString;
use serde_json::{Value, json};
use waflow::cloud::{
    Client, CloudError, CreateFlow, CreateFlowTemplate, FlowCategory, FlowMode, FlowRef, FlowStart,
    FlowStatus, Header, PreviewParams, SendFlowMessage, SendFlowTemplate, TemplateFlow,
    UpdateFlowMetadata, WebhookSubscription,
};
// The metrics items are deprecated (Meta retires the Metrics API on 30 April 2026); their test
// stays until they are removed.
#[allow(deprecated)]
use waflow::cloud::{Granularity, MetricName, MetricsQuery};
use wiremock::matchers::{body_json, body_string_contains, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "EAAG-test-token";

fn fixture(name: &str) -> Value {
    let p = format!("{}/tests/fixtures/graph/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn client(server: &MockServer) -> Client {
    Client::builder()
        .token(SecretString::from(TOKEN))
        .waba_id("waba-1")
        .phone_id("phone-1")
        .app_id("app-1")
        .app_secret(SecretString::from("app-secret"))
        .graph_url(server.uri())
        .api_version("v26.0")
        .retry_backoff(Duration::from_millis(1))
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

fn ok(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

#[tokio::test]
async fn create_flow_posts_json_with_bearer_token() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/waba-1/flows"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(body_json(json!({
            "name": "sign_up",
            "categories": ["SIGN_UP", "SIGN_IN"],
            "endpoint_uri": "https://example.com/sign-up-flow"
        })))
        .respond_with(ok(json!({"id": "flow-1"})))
        .expect(1)
        .mount(&server)
        .await;
    let created = client(&server)
        .create_flow(
            &CreateFlow::new("sign_up", [FlowCategory::SignUp, FlowCategory::SignIn])
                .endpoint_uri("https://example.com/sign-up-flow"),
        )
        .await
        .unwrap();
    assert_eq!(created.id, "flow-1");
    assert!(created.validation_errors.is_empty());
}

#[tokio::test]
async fn create_flow_with_json_and_publish_returns_validation_errors() {
    let server = MockServer::start().await;
    let mut answer = fixture("upload_validation_errors.json");
    answer["id"] = json!("flow-9");
    Mock::given(method("POST"))
        .and(path("/v26.0/waba-1/flows"))
        .and(body_json(json!({
            "name": "cloned", "categories": ["OTHER"], "clone_flow_id": "flow-1",
            "flow_json": "{}", "publish": true
        })))
        .respond_with(ok(answer))
        .mount(&server)
        .await;
    let created = client(&server)
        .create_flow(
            &CreateFlow::new("cloned", [FlowCategory::Other])
                .clone_flow_id("flow-1")
                .flow_json("{}")
                .publish(true),
        )
        .await
        .unwrap();
    assert_eq!(created.id, "flow-9");
    assert_eq!(created.success, Some(false));
    assert_eq!(created.validation_errors[0].error, "INVALID_PROPERTY_VALUE");
}

#[tokio::test]
async fn graph_error_is_typed_with_code_subcode_and_trace() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/phone-1/messages"))
        .respond_with(ResponseTemplate::new(400).set_body_json(fixture("graph_error.json")))
        .expect(1) // 4xx other than 429 is not retried
        .mount(&server)
        .await;
    let err = client(&server)
        .send_text("15550001111", "hello")
        .await
        .unwrap_err();
    let CloudError::Graph { status, error } = &err else {
        panic!("expected a Graph error, got {err:?}")
    };
    assert_eq!(*status, 400);
    assert_eq!(error.code, 131047);
    assert_eq!(error.subcode, Some(2494010));
    assert_eq!(error.error_type.as_deref(), Some("OAuthException"));
    assert_eq!(error.fbtrace_id.as_deref(), Some("Az8or2yhqkZfEZ-_4Qn_Bam"));
    assert!(error.message.starts_with("Message failed to send"));
    assert!(err.to_string().contains("131047"));
}

#[tokio::test]
async fn non_json_error_body_is_an_http_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v26.0/flow-1"))
        .respond_with(ResponseTemplate::new(404).set_body_string("<html>not found</html>"))
        .mount(&server)
        .await;
    let err = client(&server).get_flow("flow-1").await.unwrap_err();
    assert!(
        matches!(err, CloudError::Http { status: 404, ref body } if body.contains("not found")),
        "{err:?}"
    );
}

#[tokio::test]
async fn server_error_then_success_is_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/flow-1/publish"))
        .respond_with(ResponseTemplate::new(503).set_body_string("busy"))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v26.0/flow-1/publish"))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    client(&server).publish_flow("flow-1").await.unwrap();
}

#[tokio::test]
async fn retries_stop_after_max_retries() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/flow-1/publish"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({"error": {"code": 1, "message": "An unknown error occurred", "type": "OAuthException"}})))
        .expect(3)
        .mount(&server)
        .await;
    let c = Client::builder()
        .token(SecretString::from(TOKEN))
        .graph_url(server.uri())
        .max_retries(2)
        .retry_backoff(Duration::from_millis(1))
        .build()
        .unwrap();
    let err = c.publish_flow("flow-1").await.unwrap_err();
    assert_eq!(err.graph().map(|g| g.code), Some(1));
}

#[tokio::test]
async fn too_many_requests_honours_retry_after() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/flow-1/deprecate"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "0")
                .set_body_json(json!({"error": {"code": 80008, "message": "rate limited"}})),
        )
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v26.0/flow-1/deprecate"))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    // The backoff alone would wait an hour: finishing at all proves Retry-After (0 s) won.
    let c = Client::builder()
        .token(SecretString::from(TOKEN))
        .graph_url(server.uri())
        .retry_backoff(Duration::from_secs(3600))
        .build()
        .unwrap();
    tokio::time::timeout(Duration::from_secs(60), c.deprecate_flow("flow-1"))
        .await
        .expect("Retry-After ignored")
        .unwrap();
}

#[tokio::test]
async fn slow_answer_is_a_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/v26.0/flow-1"))
        .respond_with(ok(json!({"success": true})).set_delay(Duration::from_secs(3)))
        .mount(&server)
        .await;
    let c = Client::builder()
        .token(SecretString::from(TOKEN))
        .graph_url(server.uri())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    assert!(matches!(
        c.delete_flow("flow-1").await,
        Err(CloudError::Timeout)
    ));
}

#[tokio::test]
async fn success_false_is_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/v26.0/flow-1"))
        .respond_with(ok(json!({"success": false})))
        .mount(&server)
        .await;
    assert!(client(&server).delete_flow("flow-1").await.is_err());
}

#[tokio::test]
async fn update_metadata_sends_only_what_changed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/flow-1"))
        .and(body_json(json!({"endpoint_uri": "https://example.com/v2"})))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    client(&server)
        .update_flow_metadata(
            "flow-1",
            &UpdateFlowMetadata::new().endpoint_uri("https://example.com/v2"),
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn update_flow_json_uploads_multipart_and_types_validation_errors() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/flow-1/assets"))
        .and(body_string_contains(
            "name=\"file\"; filename=\"flow.json\"",
        ))
        .and(body_string_contains("FLOW_JSON"))
        .and(body_string_contains("{\"version\":\"7.3\"}"))
        .respond_with(ok(fixture("upload_validation_errors.json")))
        .expect(1)
        .mount(&server)
        .await;
    let result = client(&server)
        .update_flow_json("flow-1", "{\"version\":\"7.3\"}")
        .await
        .unwrap();
    assert!(!result.success);
    let e = &result.validation_errors[0];
    assert_eq!(
        (e.line_start, e.column_start, e.column_end),
        (Some(10), Some(21), Some(34))
    );
    assert_eq!(e.pointers[0].path, "screens[0].layout.children[0].type");
    assert_eq!(e.json_pointer(), "/screens/0/layout/children/0/type");
}

#[tokio::test]
async fn get_flow_reads_every_field() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v26.0/flow-1"))
        .and(query_param("fields", waflow::cloud::FLOW_FIELDS))
        .respond_with(ok(fixture("get_flow.json")))
        .mount(&server)
        .await;
    let flow = client(&server).get_flow("flow-1").await.unwrap();
    assert_eq!(flow.name.as_deref(), Some("my first flow"));
    assert_eq!(flow.status, Some(FlowStatus::Draft));
    assert_eq!(flow.categories, vec![FlowCategory::Other]);
    let health = flow.health_status.unwrap();
    assert_eq!(health.can_send_message, "BLOCKED");
    assert_eq!(health.entities[0].errors[0].error_code, 139002);
    let preview = flow.preview.unwrap();
    let url = preview.url_with(&PreviewParams {
        interactive: true,
        flow_action: Some("navigate".into()),
        flow_action_payload: Some(json!({"screen": "SIGN_UP"})),
        ..PreviewParams::default()
    });
    assert!(url.starts_with(&preview.preview_url));
    assert!(url.contains("&interactive=true&flow_action=navigate&flow_action_payload=%7B%22screen%22%3A%22SIGN_UP%22%7D"), "{url}");
}

#[tokio::test]
async fn list_flows_reads_one_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v26.0/waba-1/flows"))
        .respond_with(ok(fixture("list_flows.json")))
        .expect(1)
        .mount(&server)
        .await;
    let flows = client(&server).list_flows().await.unwrap();
    assert_eq!(
        flows.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        ["flow-1", "flow-2", "flow-3"]
    );
    assert_eq!(flows[1].validation_errors[0].line_start, Some(46));
    assert_eq!(flows[2].status, Some(FlowStatus::Published));
}

#[tokio::test]
async fn list_flows_follows_paging_and_finds_by_name() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v26.0/waba-1/flows"))
        .and(query_param("after", "CURSOR2"))
        .respond_with(ok(json!({"data": [{"id": "flow-2", "name": "second"}], "paging": {"cursors": {"after": "END"}}})))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v26.0/waba-1/flows"))
        .respond_with(ok(json!({"data": [{"id": "flow-1", "name": "first"}],
            "paging": {"cursors": {"after": "CURSOR2"}, "next": "https://graph.facebook.com/next"}})))
        .expect(2)
        .mount(&server)
        .await;
    let c = client(&server);
    assert_eq!(c.list_flows().await.unwrap().len(), 2);
    assert_eq!(
        c.find_flow_by_name("second").await.unwrap().map(|f| f.id),
        Some("flow-2".to_owned())
    );
}

#[tokio::test]
async fn list_assets_and_download_current_json_without_token() {
    let server = MockServer::start().await;
    let download = format!("{}/cdn/flow.json", server.uri());
    Mock::given(method("GET"))
        .and(path("/v26.0/flow-1/assets"))
        .respond_with(ok(json!({"data": [{"name": "flow.json", "asset_type": "FLOW_JSON", "download_url": download}],
            "paging": {"cursors": {"before": "QVFIU...", "after": "QVFIU..."}}})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/cdn/flow.json"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"version\":\"7.3\"}"))
        .mount(&server)
        .await;
    let c = client(&server);
    assert_eq!(
        c.list_assets("flow-1").await.unwrap()[0].asset_type,
        "FLOW_JSON"
    );
    assert_eq!(
        c.current_flow_json("flow-1").await.unwrap().as_deref(),
        Some("{\"version\":\"7.3\"}")
    );
    let requests = server.received_requests().await.unwrap();
    let cdn = requests
        .iter()
        .find(|r| r.url.path() == "/cdn/flow.json")
        .unwrap();
    assert!(
        cdn.headers.get("authorization").is_none(),
        "the token must not go to the download URL"
    );
}

#[tokio::test]
async fn preview_asks_for_invalidate_flag() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v26.0/flow-1"))
        .and(query_param("fields", "preview.invalidate(true)"))
        .respond_with(ok(json!({"preview": {"preview_url": "https://business.facebook.com/wa/manage/flows/550.../preview/?token=b9d6....",
            "expires_at": "2023-05-21T11:18:09+0000"}, "id": "flow-1"})))
        .mount(&server)
        .await;
    let p = client(&server).get_preview("flow-1", true).await.unwrap();
    assert_eq!(p.expires_at.as_deref(), Some("2023-05-21T11:18:09+0000"));
}

#[tokio::test]
#[allow(deprecated)]
async fn flow_metrics_builds_the_fields_expression() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v26.0/flow-1"))
        .and(query_param("fields", "metric.name(ENDPOINT_REQUEST_COUNT).granularity(DAY).since(2024-01-01).until(2024-01-31)"))
        .respond_with(ok(json!({"id": "flow-1", "metric": {"granularity": "DAY", "name": "ENDPOINT_REQUEST_COUNT",
            "data_points": [{"timestamp": "2024-01-28T08:00:00+0000", "data": [{"key": "COUNT", "value": 12}]}]}})))
        .mount(&server)
        .await;
    let q = MetricsQuery {
        name: MetricName::EndpointRequestCount,
        granularity: Granularity::Day,
        since: Some("2024-01-01".into()),
        until: Some("2024-01-31".into()),
    };
    let m = client(&server).flow_metrics("flow-1", &q).await.unwrap();
    assert_eq!(m.data_points[0].data[0].value, 12.0);
}

#[tokio::test]
async fn migrate_flows_passes_source_and_names() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/waba-1/migrate_flows"))
        .and(query_param("source_waba_id", "waba-0"))
        .and(query_param("source_flow_names", "[\"appointment-booking\",\"lead-gen\"]"))
        .respond_with(ok(json!({
            "migrated_flows": [{"source_name": "appointment-booking", "source_id": "1234", "migrated_id": "5678"}],
            "failed_flows": [{"source_name": "lead-gen", "error_code": "4233041",
                "error_message": "Flows Migration Error: Flow with the same name exists in destination WABA."}]
        })))
        .mount(&server)
        .await;
    let names = vec!["appointment-booking".to_owned(), "lead-gen".to_owned()];
    let r = client(&server)
        .migrate_flows("waba-0", &names)
        .await
        .unwrap();
    assert_eq!(r.migrated_flows[0].migrated_id, "5678");
    assert_eq!(r.failed_flows[0].error_code.as_deref(), Some("4233041"));
    let too_many: Vec<String> = (0..101).map(|i| i.to_string()).collect();
    assert!(matches!(
        client(&server).migrate_flows("waba-0", &too_many).await,
        Err(CloudError::InvalidRequest(_))
    ));
}

#[tokio::test]
async fn business_public_key_set_and_get() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/phone-1/whatsapp_business_encryption"))
        .and(body_string_contains(
            "business_public_key=-----BEGIN+PUBLIC+KEY-----",
        ))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v26.0/phone-1/whatsapp_business_encryption"))
        .respond_with(ok(json!({"data": [{"business_public_key": "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqh...AQAB\n-----END PUBLIC KEY-----",
            "business_public_key_signature_status": "VALID"}]})))
        .mount(&server)
        .await;
    let c = client(&server);
    c.set_business_public_key("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n")
        .await
        .unwrap();
    let key = c.get_business_public_key().await.unwrap().unwrap();
    assert_eq!(
        key.business_public_key_signature_status.as_deref(),
        Some("VALID")
    );
    assert!(matches!(
        c.set_business_public_key("not a key").await,
        Err(CloudError::InvalidRequest(_))
    ));
}

#[tokio::test]
async fn send_draft_flow_message_matches_meta_shape() {
    let server = MockServer::start().await;
    // Body as in the Postman collection's "Send Draft Flow" request.
    let expected = json!({
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "15550001111",
        "type": "interactive",
        "interactive": {
            "type": "flow",
            "header": {"type": "text", "text": "Welcome"},
            "body": {"text": "Create your account"},
            "footer": {"text": "Takes a minute"},
            "action": {"name": "flow", "parameters": {
                "flow_message_version": "3",
                "flow_id": "flow-1",
                "flow_cta": "Sign up",
                "flow_token": "tok-1",
                "mode": "draft",
                "flow_action": "navigate",
                "flow_action_payload": {"screen": "SIGN_UP", "data": {"email_initial_value": "a@b.c"}}
            }}
        }
    });
    Mock::given(method("POST"))
        .and(path("/v26.0/phone-1/messages"))
        .and(body_json(expected))
        .respond_with(ok(json!({"messaging_product": "whatsapp",
            "contacts": [{"input": "15550001111", "wa_id": "15550001111"}],
            "messages": [{"id": "wamid.HBgLMTU1NTAwMDExMTEVAgARGBI"}]})))
        .expect(1)
        .mount(&server)
        .await;
    let msg = SendFlowMessage::new(
        "15550001111",
        FlowRef::Id("flow-1".into()),
        "Sign up",
        "Create your account",
    )
    .header(Header::Text("Welcome".into()))
    .footer("Takes a minute")
    .flow_token("tok-1")
    .mode(FlowMode::Draft)
    .action(FlowStart::Navigate {
        screen: Some("SIGN_UP".into()),
        data: Some(json!({"email_initial_value": "a@b.c"})),
    });
    let sent = client(&server).send_flow_message(&msg).await.unwrap();
    assert_eq!(sent.message_id(), Some("wamid.HBgLMTU1NTAwMDExMTEVAgARGBI"));
}

#[test]
fn data_exchange_by_name_has_no_payload() {
    let msg = SendFlowMessage::new("1555", FlowRef::Name("sign_up".into()), "Open", "Body")
        .action(FlowStart::DataExchange);
    let params = &msg.to_json()["interactive"]["action"]["parameters"];
    assert_eq!(params["flow_name"], "sign_up");
    assert_eq!(params["flow_action"], "data_exchange");
    assert_eq!(params["mode"], "published");
    assert!(params.get("flow_action_payload").is_none());
    assert!(params.get("flow_id").is_none());
}

#[test]
#[allow(deprecated)]
fn the_old_flow_action_name_still_builds_the_same_message() {
    use waflow::cloud::FlowAction;
    let old = SendFlowMessage::new("1555", FlowRef::Id("f".into()), "Go", "Body")
        .action(FlowAction::navigate("SIGN_UP"));
    let new = SendFlowMessage::new("1555", FlowRef::Id("f".into()), "Go", "Body")
        .action(FlowStart::navigate("SIGN_UP"));
    assert_eq!(old.to_json(), new.to_json());
    assert_eq!(
        new.to_json()["interactive"]["action"]["parameters"]["flow_action"],
        "navigate"
    );
}

#[tokio::test]
async fn invalid_flow_message_is_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(json!({})))
        .expect(0)
        .mount(&server)
        .await;
    let c = client(&server);
    let long_cta = SendFlowMessage::new(
        "1555",
        FlowRef::Id("f".into()),
        "This label is far too long",
        "Body",
    );
    assert!(matches!(
        c.send_flow_message(&long_cta).await,
        Err(CloudError::InvalidRequest(_))
    ));
    let empty_data = SendFlowMessage::new("1555", FlowRef::Id("f".into()), "Go", "Body").action(
        FlowStart::Navigate {
            screen: Some("A".into()),
            data: Some(json!({})),
        },
    );
    assert!(matches!(
        c.send_flow_message(&empty_data).await,
        Err(CloudError::InvalidRequest(_))
    ));
    assert!(matches!(
        c.send_text("1555", "  ").await,
        Err(CloudError::InvalidRequest(_))
    ));
}

#[tokio::test]
async fn send_text_message() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/phone-1/messages"))
        .and(body_json(json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": "1555",
            "type": "text", "text": {"preview_url": false, "body": "hi"}})))
        .respond_with(ok(json!({"messaging_product": "whatsapp", "contacts": [{"input": "1555", "wa_id": "1555"}], "messages": [{"id": "wamid.1"}]})))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        client(&server)
            .send_text("1555", "hi")
            .await
            .unwrap()
            .message_id(),
        Some("wamid.1")
    );
}

#[tokio::test]
async fn flow_templates_create_and_send() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/waba-1/message_templates"))
        .and(body_json(json!({"name": "sign_up_invite", "language": "en_US", "category": "MARKETING",
            "components": [{"type": "BODY", "text": "Join us"},
                {"type": "BUTTONS", "buttons": [{"type": "FLOW", "text": "Sign up", "flow_id": "flow-1",
                    "flow_action": "navigate", "navigate_screen": "SIGN_UP", "icon": "DOCUMENT"}]}]})))
        .respond_with(ok(json!({"id": "tpl-1", "status": "PENDING", "category": "MARKETING"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v26.0/phone-1/messages"))
        .and(body_json(json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": "1555", "type": "template",
            "template": {"name": "sign_up_invite", "language": {"code": "en_US"}, "components": [
                {"type": "button", "sub_type": "flow", "index": "0", "parameters": [{"type": "action",
                    "action": {"flow_token": "tok-2", "flow_action_data": {"email_initial_value": "a@b.c"}}}]}]}})))
        .respond_with(ok(json!({"messaging_product": "whatsapp", "contacts": [], "messages": [{"id": "wamid.2"}]})))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    let t = CreateFlowTemplate::new(
        "sign_up_invite",
        "en_US",
        "MARKETING",
        "Join us",
        "Sign up",
        TemplateFlow::Id("flow-1".into()),
    )
    .navigate_screen("SIGN_UP")
    .icon("DOCUMENT");
    assert_eq!(
        c.create_flow_template(&t).await.unwrap().status.as_deref(),
        Some("PENDING")
    );
    let s = SendFlowTemplate::new("1555", "sign_up_invite", "en_US")
        .flow_token("tok-2")
        .flow_action_data(json!({"email_initial_value": "a@b.c"}));
    assert_eq!(
        c.send_flow_template(&s).await.unwrap().message_id(),
        Some("wamid.2")
    );
}

#[tokio::test]
async fn register_webhook_uses_the_app_token() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v26.0/app-1/subscriptions"))
        .and(header("authorization", "Bearer app-1|app-secret"))
        .and(body_string_contains("object=whatsapp_business_account"))
        .and(body_string_contains(
            "callback_url=https%3A%2F%2Fexample.com%2Fwebhook",
        ))
        .and(body_string_contains("verify_token=verify-me"))
        .and(body_string_contains("fields=messages%2Cflows"))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    let sub = WebhookSubscription::new(
        "https://example.com/webhook",
        SecretString::from("verify-me"),
    );
    client(&server).register_webhook(&sub).await.unwrap();
    let no_app = Client::builder()
        .token(SecretString::from(TOKEN))
        .graph_url(server.uri())
        .build()
        .unwrap();
    assert!(matches!(
        no_app.register_webhook(&sub).await,
        Err(CloudError::MissingConfig("app_id"))
    ));
}

#[tokio::test]
async fn subscribed_apps_lists_the_apps_of_the_waba() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v26.0/waba-1/subscribed_apps"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ok(json!({"data": [{"whatsapp_business_api_data": {
            "id": "app-1", "link": "https://www.facebook.com/games/?app_id=app-1", "name": "My App"}}]})))
        .expect(1)
        .mount(&server)
        .await;
    let apps = client(&server).subscribed_apps().await.unwrap();
    assert_eq!(apps.len(), 1);
    assert_eq!(apps[0].whatsapp_business_api_data.id, "app-1");
    assert_eq!(
        apps[0].whatsapp_business_api_data.name.as_deref(),
        Some("My App")
    );
    assert_eq!(apps[0].override_callback_uri, None);
}

#[tokio::test]
async fn app_subscriptions_read_the_fields_with_the_app_token() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v26.0/app-1/subscriptions"))
        .and(header("authorization", "Bearer app-1|app-secret"))
        .respond_with(ok(json!({"data": [
            {"object": "whatsapp_business_account", "callback_url": "https://example.com/webhook",
             "active": true, "fields": [{"name": "messages", "version": "v26.0"}, "flows"]},
            {"object": "page", "callback_url": "https://example.com/page", "active": false, "fields": []}
        ]})))
        .expect(1)
        .mount(&server)
        .await;
    let subs = client(&server).app_subscriptions().await.unwrap();
    assert_eq!(subs.len(), 2);
    assert_eq!(subs[0].object, "whatsapp_business_account");
    assert!(subs[0].active);
    assert!(subs[0].has_field("messages") && subs[0].has_field("flows"));
    assert_eq!(subs[0].fields[0].version.as_deref(), Some("v26.0"));
    assert_eq!(subs[0].fields[1].version, None);
    assert!(!subs[1].has_field("messages"));
    let no_secret = Client::builder()
        .token(SecretString::from(TOKEN))
        .app_id("app-1")
        .graph_url(server.uri())
        .build()
        .unwrap();
    assert!(matches!(
        no_secret.app_subscriptions().await,
        Err(CloudError::MissingConfig("app_secret"))
    ));
}

#[tokio::test]
async fn missing_waba_fails_without_a_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(json!({})))
        .expect(0)
        .mount(&server)
        .await;
    let c = Client::builder()
        .token(SecretString::from(TOKEN))
        .graph_url(server.uri())
        .build()
        .unwrap();
    let err = c
        .create_flow(&CreateFlow::new("x", [FlowCategory::Other]))
        .await
        .unwrap_err();
    assert!(matches!(err, CloudError::MissingConfig("waba_id")));
}

#[test]
fn builder_checks_config_and_hides_the_token() {
    assert!(matches!(
        Client::builder().build(),
        Err(CloudError::MissingConfig("token"))
    ));
    assert!(matches!(
        Client::builder()
            .token(SecretString::from(TOKEN))
            .graph_url("ftp://x")
            .build(),
        Err(CloudError::InvalidConfig(_))
    ));
    let c = Client::builder()
        .token(SecretString::from(TOKEN))
        .build()
        .unwrap();
    assert!(!format!("{c:?}").contains(TOKEN));
}

#[test]
fn categories_parse_from_cli_spelling() {
    assert_eq!("sign-up".parse::<FlowCategory>(), Ok(FlowCategory::SignUp));
    assert_eq!(
        "LEAD_GENERATION".parse::<FlowCategory>(),
        Ok(FlowCategory::LeadGeneration)
    );
    assert!("nope".parse::<FlowCategory>().is_err());
}

#[tokio::test]
async fn typed_flow_json_is_uploaded_indented() {
    let server = MockServer::start().await;
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/graph/signup_flow.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let flow = waflow_json::FlowJson::from_json_str(&text).unwrap();
    Mock::given(method("POST"))
        .and(path("/v26.0/flow-1/assets"))
        .and(body_string_contains("\n  \"version\": \"3.0\""))
        .respond_with(ok(json!({"success": true, "validation_errors": []})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v26.0/waba-1/flows"))
        .and(body_string_contains("\\\"LOGIN_SUCCESS\\\""))
        .respond_with(ok(json!({"id": "flow-2"})))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    assert!(
        c.update_flow_json_from("flow-1", &flow)
            .await
            .unwrap()
            .success
    );
    let created = c
        .create_flow(&CreateFlow::new("sign_up", [FlowCategory::SignUp]).flow_json_from(&flow))
        .await
        .unwrap();
    assert_eq!(created.id, "flow-2");
}
