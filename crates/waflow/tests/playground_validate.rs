#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "playground")]
//! `POST /api/validate`: the editor's text through waflow-json's validator, every finding placed
//! in that text (UTF-16 offsets, lines and columns), behind the same guards as the other API
//! routes.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt as _;
use serde_json::{Value, json};
use tower::ServiceExt as _;
use waflow::playground::{CannedResponses, Playground};
use waflow_json::validate::validate_text;

const HOST: &str = "127.0.0.1:9";

fn app() -> Router {
    let flow = json!({"version": "7.3", "screens": []});
    Playground::for_flow(flow, CannedResponses::new()).into_router()
}

/// A request as the page sends it, with the session cookie when given.
fn request(cookie: Option<&str>) -> axum::http::request::Builder {
    let mut req = Request::post("/api/validate")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    req
}

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, Value) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| json!({"raw": String::from_utf8_lossy(&bytes)}));
    (status, value)
}

/// A fresh browser session: its cookie as `name=value`.
async fn session(app: &Router) -> String {
    let req = Request::post("/api/session")
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap();
    cookie.split(';').next().unwrap().to_owned()
}

/// `POST /api/validate {text}` in a session.
async fn validate(app: &Router, cookie: &str, text: &str) -> Value {
    let body = json!({ "text": text }).to_string();
    let req = request(Some(cookie)).body(Body::from(body)).unwrap();
    let (status, answer) = send(app, req).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer
}

/// The text between two UTF-16 offsets, as the browser's editor slices it.
fn slice(text: &str, from: &Value, to: &Value) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (from, to) = (
        usize::try_from(from.as_u64().unwrap()).unwrap(),
        usize::try_from(to.as_u64().unwrap()).unwrap(),
    );
    String::from_utf16(&units[from..to]).unwrap()
}

fn by_code<'a>(answer: &'a Value, code: &str) -> &'a Value {
    answer["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {answer:#}"))
}

/// A flow with three mistakes, after non-ASCII text (two UTF-16 units for the emoji).
const BAD: &str = r#"{
  "version": "7.3",
  "screens": [
    {
      "id": "WELCOME",
      "title": "Caf\u00e9 ☕ 😀",
      "terminal": true,
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          {"type": "TextHeading", "text": "${data.first_name}"},
          {"type": "TextBody", "text": "Hi 😀", "colour": "red"}
        ]
      }
    }
  ]
}"#;

#[tokio::test]
async fn findings_carry_the_validators_codes_pointers_and_their_place_in_the_text() {
    let app = app();
    let cookie = session(&app).await;
    let answer = validate(&app, &cookie, BAD).await;
    assert_eq!(answer["json"], true);

    // the same findings as `waflow validate`, code for code, pointer for pointer
    let expected = validate_text(BAD).unwrap();
    let findings = answer["findings"].as_array().unwrap();
    assert_eq!(findings.len(), expected.len(), "{answer:#}");
    for finding in &expected {
        assert!(
            findings.iter().any(|f| f["code"] == finding.rule.as_str()
                && f["pointer"] == finding.pointer
                && f["message"] == finding.message
                && f["severity"] == finding.severity.as_str()),
            "{finding} missing from {answer:#}"
        );
    }
    let errors = expected.iter().filter(|f| f.is_error()).count();
    assert_eq!(answer["errors"], errors);
    assert_eq!(answer["warnings"], expected.len() - errors);

    // a scalar member: its key through its value, after the emoji on line 6
    let data = by_code(&answer, "INVALID_SCREEN_DYNAMIC_DATA");
    assert_eq!(data["pointer"], "/screens/0/layout/children/0/text");
    assert_eq!(data["located"], data["pointer"]);
    assert_eq!(
        slice(BAD, &data["from"], &data["to"]),
        r#""text": "${data.first_name}""#
    );
    assert_eq!(
        (data["line"].as_u64(), data["end_line"].as_u64()),
        (Some(11), Some(11))
    );
    let line = BAD.lines().nth(10).unwrap();
    let column = line.find(r#""text""#).unwrap() + 1;
    assert_eq!(data["column"], column);
    assert_eq!(
        data["end_column"],
        column + r#""text": "${data.first_name}""#.len()
    );

    // a screen (an array item) by its id
    let footer = by_code(&answer, "MISSING_FOOTER_ON_TERMINAL_SCREEN");
    assert_eq!(footer["pointer"], "/screens/0");
    assert_eq!(
        slice(BAD, &footer["from"], &footer["to"]),
        r#""id": "WELCOME""#
    );
    assert_eq!(
        (footer["line"].as_u64(), footer["column"].as_u64()),
        (Some(5), Some(7))
    );

    // an unknown property on the line with an emoji: columns count UTF-16 units
    let unknown = findings
        .iter()
        .find(|f| f["pointer"] == "/screens/0/layout/children/1/colour")
        .unwrap_or_else(|| panic!("{answer:#}"));
    assert_eq!(
        slice(BAD, &unknown["from"], &unknown["to"]),
        r#""colour": "red""#
    );
    let line = BAD.lines().nth(11).unwrap();
    let column = line[..line.find("\"colour\"").unwrap()]
        .encode_utf16()
        .count()
        + 1;
    assert_eq!(unknown["line"], 12);
    assert_eq!(unknown["column"], column);

    // in text order
    let froms: Vec<u64> = findings
        .iter()
        .map(|f| f["from"].as_u64().unwrap())
        .collect();
    assert!(froms.is_sorted(), "{froms:?}");
}

#[tokio::test]
async fn a_component_is_marked_by_its_type_and_its_absent_property_at_the_component() {
    let app = app();
    let cookie = session(&app).await;
    let text = r#"{"version": "7.3", "screens": [{"id": "A", "title": "A", "terminal": true, "layout": {"type": "SingleColumnLayout", "children": [{"type": "Footer", "on-click-action": {"name": "complete", "payload": {}}}]}}]}"#;
    let answer = validate(&app, &cookie, text).await;
    let missing = by_code(&answer, "MISSING_REQUIRED_PROPERTY");
    assert!(missing["message"].as_str().unwrap().contains("'label'"));
    assert_eq!(missing["pointer"], "/screens/0/layout/children/0");
    assert_eq!(missing["located"], missing["pointer"]);
    assert_eq!(
        slice(text, &missing["from"], &missing["to"]),
        r#""type": "Footer""#
    );
}

#[tokio::test]
async fn a_byte_order_mark_is_a_finding_and_the_rest_is_still_checked_in_place() {
    let app = app();
    let cookie = session(&app).await;
    let with_bom = format!("\u{feff}{BAD}");
    let plain = validate(&app, &cookie, BAD).await;
    let answer = validate(&app, &cookie, &with_bom).await;
    assert_eq!(answer["json"], false, "Meta's parser refuses it");
    let bom = &answer["findings"][0];
    assert_eq!(bom["code"], "BYTE_ORDER_MARK");
    assert_eq!(bom["severity"], "error");
    assert!(bom["message"].as_str().unwrap().contains("byte order mark"));
    assert_eq!(
        (bom["from"].as_u64(), bom["to"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(
        (bom["line"].as_u64(), bom["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(answer["errors"], plain["errors"].as_u64().unwrap() + 1);
    // every other finding moved by the mark's one UTF-16 unit, and still names the same text
    let rest = &answer["findings"].as_array().unwrap()[1..];
    let plain = plain["findings"].as_array().unwrap();
    assert_eq!(rest.len(), plain.len());
    for (moved, unmoved) in rest.iter().zip(plain) {
        assert_eq!(moved["code"], unmoved["code"]);
        assert_eq!(
            moved["from"].as_u64().unwrap(),
            unmoved["from"].as_u64().unwrap() + 1
        );
        assert_eq!(moved["line"], unmoved["line"]);
        assert_eq!(
            slice(&with_bom, &moved["from"], &moved["to"]),
            slice(BAD, &unmoved["from"], &unmoved["to"])
        );
    }
}

#[tokio::test]
async fn text_that_is_not_json_is_one_finding_at_the_parsers_line_and_column() {
    let app = app();
    let cookie = session(&app).await;
    // a missing comma on line 3, after a two-unit emoji on the same line
    let text = "{\n  \"version\": \"7.3\",\n  \"x\": \"😀\" \"screens\": []\n}";
    let answer = validate(&app, &cookie, text).await;
    assert_eq!(answer["json"], false);
    assert_eq!(answer["errors"], 1);
    let findings = answer["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{answer:#}");
    let syntax = &findings[0];
    assert_eq!(syntax["code"], "INVALID_JSON");
    assert_eq!(syntax["severity"], "error");
    assert!(
        syntax["message"].as_str().unwrap().contains("expected"),
        "{syntax}"
    );
    assert_eq!(syntax["line"], 3);
    // `  "x": "😀" ` is 12 UTF-16 units: the stray quote is column 13
    assert_eq!(syntax["column"], 13);
    assert_eq!(slice(text, &syntax["from"], &syntax["to"]), "\"");

    // text that ends too early: the last character is marked
    let cut = "{\n  \"version\": \"7.3\",\n";
    let answer = validate(&app, &cookie, cut).await;
    let eof = &answer["findings"][0];
    assert_eq!(eof["code"], "INVALID_JSON");
    assert_eq!(eof["to"].as_u64().unwrap(), cut.len() as u64);
    assert_eq!(slice(cut, &eof["from"], &eof["to"]), "\n");

    // and the empty text
    let answer = validate(&app, &cookie, "").await;
    assert_eq!(answer["findings"][0]["code"], "INVALID_JSON");
    assert_eq!(answer["findings"][0]["line"], 1);
}

#[tokio::test]
async fn a_valid_flow_has_no_errors() {
    let app = app();
    let cookie = session(&app).await;
    let text = include_str!("../../../tests/browser/fixtures/signup_flow.json");
    let answer = validate(&app, &cookie, text).await;
    assert_eq!(answer["json"], true);
    assert_eq!(answer["errors"], 0, "{answer:#}");
}

#[tokio::test]
async fn texts_up_to_2_mib_are_checked_and_larger_bodies_get_413() {
    let app = app();
    let cookie = session(&app).await;
    // far above the 256 KiB of the other API bodies
    let padding = "a".repeat(1024 * 1024);
    let text = format!(r#"{{"version": "7.3", "screens": [], "x": "{padding}"}}"#);
    let answer = validate(&app, &cookie, &text).await;
    assert_eq!(answer["json"], true);
    assert!(
        answer["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["pointer"] == "/x"),
        "{answer:#}"
    );
    let body = json!({ "text": "a".repeat(2 * 1024 * 1024) }).to_string();
    let req = request(Some(&cookie)).body(Body::from(body)).unwrap();
    let (status, _) = send(&app, req).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn cross_site_non_json_and_sessionless_requests_are_refused() {
    let app = app();
    let cookie = session(&app).await;
    let body = || Body::from(json!({"text": "{}"}).to_string());

    let mut req = request(Some(&cookie)).body(body()).unwrap();
    req.headers_mut()
        .insert(header::ORIGIN, "http://attacker.example".parse().unwrap());
    assert_eq!(send(&app, req).await.0, StatusCode::FORBIDDEN);

    let mut req = request(Some(&cookie)).body(body()).unwrap();
    req.headers_mut()
        .insert("sec-fetch-site", "cross-site".parse().unwrap());
    assert_eq!(send(&app, req).await.0, StatusCode::FORBIDDEN);

    let mut req = request(Some(&cookie)).body(body()).unwrap();
    req.headers_mut()
        .insert(header::CONTENT_TYPE, "text/plain".parse().unwrap());
    assert_eq!(send(&app, req).await.0, StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let req = request(None).body(body()).unwrap();
    let (status, answer) = send(&app, req).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{answer}");

    let req = request(Some(&cookie))
        .body(Body::from(r#"{"txt": "{}"}"#))
        .unwrap();
    assert_eq!(send(&app, req).await.0, StatusCode::BAD_REQUEST);

    // and the answer carries the playground's Content-Security-Policy
    let req = request(Some(&cookie)).body(body()).unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("script-src 'self'")
    );
}

#[tokio::test]
async fn the_page_loads_the_editor_and_the_frame_scripts_from_its_own_origin() {
    let app = app();
    let get = |uri: &str| {
        Request::get(uri)
            .header(header::HOST, HOST)
            .body(Body::empty())
            .unwrap()
    };
    let res = app.clone().oneshot(get("/")).await.unwrap();
    let page = res.into_body().collect().await.unwrap().to_bytes();
    let page = String::from_utf8(page.to_vec()).unwrap();
    for id in [
        "id=\"source\"",
        "id=\"findings\"",
        "id=\"frame-toggle\"",
        "id=\"device\"",
    ] {
        assert!(page.contains(id), "{id}");
    }
    let res = app.clone().oneshot(get("/app.js")).await.unwrap();
    let app_js = res.into_body().collect().await.unwrap().to_bytes();
    let app_js = String::from_utf8(app_js.to_vec()).unwrap();
    for name in ["editor.js", "frame.js"] {
        assert!(app_js.contains(&format!("from './{name}'")), "{name}");
        let res = app.clone().oneshot(get(&format!("/{name}"))).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{name}");
        assert!(
            res.headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .contains("javascript")
        );
        let body = res.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8(body.to_vec()).unwrap();
        assert!(
            !text.contains("eval(") && !text.contains("new Function"),
            "{name}"
        );
        assert!(
            !text.contains("http://") && !text.contains("https://"),
            "{name}"
        );
        for line in text.lines().filter(|l| l.starts_with("import ")) {
            assert!(line.contains("from './"), "{name}: {line}");
        }
    }
}
