//! `waflow doctor`: the publish preflight. Meta refuses to publish a flow with error 139002 when
//! the key, the app connection or the endpoint is not right; this command checks each of those
//! from the outside, one line per check with what to do:
//!
//! ```text
//! ok    public-key          uploaded for phone 222, signature status VALID
//! FAIL  endpoint-ping       HTTP 421: the endpoint cannot decrypt a request made with the uploaded public key; fix: upload the public half of the endpoint's private key (waflow key upload --public-key private.pem)
//! skip  endpoint-signature  no app secret given; fix: pass --app-secret or set WAFLOW_APP_SECRET to check that unsigned requests get 432
//! ```
//!
//! Checks: the business public key (uploaded, signature status `VALID`); the flow (exists, Meta's
//! `health_status` not BLOCKED, Meta's `validation_errors`, its Flow JSON downloaded and validated offline, its version and status not
//! frozen); the endpoint (`endpoint_uri` set, reachable, an encrypted `ping` made with the
//! *uploaded* public key answered `active` within the budget, by default 1 s; with the app
//! secret, an unsigned request answered 432); the webhooks (the app subscribed to the WABA, and
//! the app's `whatsapp_business_account` subscription active with the `messages` and `flows`
//! fields). `GET /{waba-id}/subscribed_apps` names the subscribed apps but not their fields, so
//! the fields are read from `GET /{app-id}/subscriptions` with the app token; without the app id
//! and secret that check is skipped.
//!
//! Exit status 0 when nothing failed, 1 otherwise; `--json` prints the checks as an array of
//! `{check, status, detail, fix}` for CI.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use secrecy::SecretString;
use serde::Serialize;
use waflow::cloud::{Client, CloudError, Flow, FlowStatus};
use waflow::crypto::{KeyPair, PublicKey};
use waflow::testing::{ClientError, Exchange, FlowClient};
use waflow_json::FlowVersion;

use super::credentials::{Credentials, Needs, block_on, print_json};

/// Fields read from the flow.
const FLOW_FIELDS: &str =
    "id,name,status,json_version,data_api_version,endpoint_uri,validation_errors,health_status";
/// The longest an endpoint may take before Meta gives up on a request.
const ENDPOINT_TIMEOUT: Duration = Duration::from_secs(10);
/// How many findings a line names before it says "and N more".
const SHOWN: usize = 3;

/// Arguments of `waflow doctor`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The flow to check: id (digits) or name (needs the WABA id).
    #[arg(long, env = "WAFLOW_FLOW")]
    flow: String,
    /// Longest acceptable round trip of the encrypted ping, in milliseconds (Meta alerts when
    /// the endpoint's p90 latency passes 1 s).
    #[arg(long, default_value_t = 1000)]
    ping_budget_ms: u64,
    #[command(flatten)]
    credentials: Credentials,
    /// Print the checks as a JSON array of {check, status, detail, fix}.
    #[arg(long)]
    json: bool,
}

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Status {
    Ok,
    Fail,
    Skip,
}

impl Status {
    fn label(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Fail => "FAIL",
            Self::Skip => "skip",
        }
    }
}

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
struct Check {
    check: &'static str,
    status: Status,
    detail: String,
    fix: Option<String>,
}

impl Check {
    fn ok(check: &'static str, detail: impl Into<String>) -> Self {
        Self {
            check,
            status: Status::Ok,
            detail: detail.into(),
            fix: None,
        }
    }
    fn fail(check: &'static str, detail: impl Into<String>, fix: impl Into<String>) -> Self {
        Self {
            check,
            status: Status::Fail,
            detail: detail.into(),
            fix: Some(fix.into()),
        }
    }
    fn skip(check: &'static str, detail: impl Into<String>, fix: Option<String>) -> Self {
        Self {
            check,
            status: Status::Skip,
            detail: detail.into(),
            fix,
        }
    }
    /// `ok|FAIL|skip  <check>  <detail>; fix: <what to do>`.
    fn line(&self) -> String {
        let mut line = format!(
            "{:<4}  {:<18}  {}",
            self.status.label(),
            self.check,
            self.detail
        );
        if let Some(fix) = &self.fix {
            let _ = write!(line, "; fix: {fix}");
        }
        line
    }
}

/// Runs `waflow doctor`.
pub(crate) fn run(args: Args) -> ExitCode {
    block_on(async move {
        // Only the token is required up front: a check whose id is missing fails on its own line.
        let client = args.credentials.client(Needs::default())?;
        let app_secret = args.credentials.app_secret();
        let budget = Duration::from_millis(args.ping_budget_ms.max(1));
        let checks = diagnose(&client, &args, app_secret, budget).await;
        if args.json {
            print_json(&checks)?;
        } else {
            for c in &checks {
                println!("{}", c.line());
            }
            let count = |s: Status| checks.iter().filter(|c| c.status == s).count();
            println!(
                "{} ok, {} FAIL, {} skip",
                count(Status::Ok),
                count(Status::Fail),
                count(Status::Skip)
            );
        }
        Ok(if checks.iter().any(|c| c.status == Status::Fail) {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        })
    })
}

async fn diagnose(
    client: &Client,
    args: &Args,
    app_secret: Option<SecretString>,
    budget: Duration,
) -> Vec<Check> {
    let mut checks = Vec::new();
    let (key_check, uploaded_key) = public_key(client).await;
    checks.push(key_check);

    let flow = match find_flow(client, &args.flow).await {
        Ok(flow) => {
            checks.push(flow_check(&flow));
            Some(flow)
        }
        Err(check) => {
            checks.push(*check);
            None
        }
    };

    match &flow {
        Some(flow) => {
            checks.push(meta_validation(flow));
            let (json_check, json_version) = flow_json(client, &flow.id).await;
            checks.push(json_check);
            checks.push(flow_version(flow, json_version));
        }
        None => {
            for name in ["meta-validation", "flow-json", "flow-version"] {
                checks.push(Check::skip(name, "needs the flow", None));
            }
        }
    }

    let uri = match &flow {
        Some(flow) => {
            let (check, uri) = endpoint_uri(flow);
            checks.push(check);
            uri
        }
        None => {
            checks.push(Check::skip("endpoint-uri", "needs the flow", None));
            None
        }
    };
    match uri {
        Some(uri) => {
            checks.extend(endpoint(&uri, uploaded_key, app_secret, budget).await);
        }
        None => {
            for name in ["endpoint-reachable", "endpoint-ping", "endpoint-signature"] {
                checks.push(Check::skip(name, "needs the endpoint URI", None));
            }
        }
    }

    checks.push(waba_subscription(client, args.credentials.app_id()).await);
    checks.push(webhook_fields(client).await);
    checks
}

/// What to do when a call failed for lack of an id, or with Meta's error.
fn cloud_failure(check: &'static str, what: &str, err: &CloudError) -> Check {
    match err {
        CloudError::MissingConfig(id) => Check::fail(
            check,
            format!("cannot read {what}: no {id}"),
            format!("set {}", flag_for(id)),
        ),
        other => Check::fail(
            check,
            format!("cannot read {what}: {other}"),
            "check the access token (whatsapp_business_management permission) and the ids",
        ),
    }
}

fn flag_for(id: &str) -> &'static str {
    match id {
        "waba_id" => "--waba-id or WAFLOW_WABA_ID",
        "phone_id" => "--phone-id or WAFLOW_PHONE_ID",
        "app_id" => "--app-id or WAFLOW_APP_ID",
        "app_secret" => "--app-secret or WAFLOW_APP_SECRET",
        _ => "the missing setting",
    }
}

async fn public_key(client: &Client) -> (Check, Option<PublicKey>) {
    const CHECK: &str = "public-key";
    let upload = "upload the endpoint's public key: waflow key upload --public-key public.pem \
                  (Meta refuses to publish with 139002 without a signed key)";
    let key = match client.get_business_public_key().await {
        Ok(Some(key)) => key,
        Ok(None) => {
            return (
                Check::fail(
                    CHECK,
                    "no business public key is uploaded for the phone number",
                    upload,
                ),
                None,
            );
        }
        Err(e) => return (cloud_failure(CHECK, "the business public key", &e), None),
    };
    let parsed = PublicKey::from_pem(&key.business_public_key).ok();
    let status = key
        .business_public_key_signature_status
        .as_deref()
        .unwrap_or("unknown");
    let check = if parsed.is_none() {
        Check::fail(
            CHECK,
            "the uploaded key is not a usable RSA public key",
            upload,
        )
    } else if status == "VALID" {
        Check::ok(CHECK, "uploaded, signature status VALID")
    } else {
        Check::fail(
            CHECK,
            format!("uploaded, but its signature status is {status}"),
            "upload the key again (waflow key upload --public-key public.pem); Meta signs it \
             for the phone number's current registration",
        )
    };
    (check, parsed)
}

async fn find_flow(client: &Client, flow: &str) -> Result<Flow, Box<Check>> {
    const CHECK: &str = "flow";
    let deploy = "deploy it (waflow flows deploy FLOW.json --name NAME) or pass the right --flow";
    let id = if !flow.is_empty() && flow.bytes().all(|b| b.is_ascii_digit()) {
        flow.to_owned()
    } else {
        match client.find_flow_by_name(flow).await {
            Ok(Some(f)) => f.id,
            Ok(None) => {
                return Err(Box::new(Check::fail(
                    CHECK,
                    format!("no flow named {flow:?} in the WABA"),
                    deploy,
                )));
            }
            Err(e) => return Err(Box::new(cloud_failure(CHECK, "the WABA's flows", &e))),
        }
    };
    match client.get_flow_fields(&id, FLOW_FIELDS).await {
        Ok(f) => Ok(f),
        Err(CloudError::Graph { error, .. }) if error.code == 100 => Err(Box::new(Check::fail(
            CHECK,
            format!("flow {id} does not exist or this token cannot see it ({error})"),
            deploy,
        ))),
        Err(e) => Err(Box::new(cloud_failure(CHECK, "the flow", &e))),
    }
}

/// The flow exists; Meta's own `health_status` verdict fails it when sending is BLOCKED.
fn flow_check(flow: &Flow) -> Check {
    const CHECK: &str = "flow";
    let mut detail = format!(
        "{} ({}), status {}",
        flow.name.as_deref().unwrap_or("(no name)"),
        flow.id,
        status_name(flow.status)
    );
    let Some(health) = &flow.health_status else {
        return Check::ok(CHECK, detail);
    };
    let _ = write!(detail, ", can_send_message {}", health.can_send_message);
    if health.can_send_message != "BLOCKED" {
        return Check::ok(CHECK, detail);
    }
    let errors: Vec<_> = health
        .entities
        .iter()
        .flat_map(|e| e.errors.iter().map(move |x| (e, x)))
        .collect();
    for (entity, error) in errors.iter().take(SHOWN) {
        let _ = write!(
            detail,
            " | {} {}: {} {}",
            entity.entity_type, entity.id, error.error_code, error.error_description
        );
    }
    more(&mut detail, errors.len());
    let fix = errors
        .iter()
        .find_map(|(_, e)| e.possible_solution.clone())
        .unwrap_or_else(|| "fix what Meta names (see the other checks)".to_owned());
    Check::fail(CHECK, detail, fix)
}

fn meta_validation(flow: &Flow) -> Check {
    const CHECK: &str = "meta-validation";
    if flow.validation_errors.is_empty() {
        return Check::ok(CHECK, "Meta reports no validation errors");
    }
    let mut detail = format!("Meta reports {} error(s): ", flow.validation_errors.len());
    let shown: Vec<String> = flow
        .validation_errors
        .iter()
        .take(SHOWN)
        .map(|e| format!("{}: {}: {}", e.json_pointer(), e.error, e.message))
        .collect();
    detail.push_str(&shown.join(" | "));
    more(&mut detail, flow.validation_errors.len());
    Check::fail(
        CHECK,
        detail,
        "fix the Flow JSON and upload it again (waflow flows deploy FLOW.json --name NAME)",
    )
}

fn more(detail: &mut String, total: usize) {
    if total > SHOWN {
        let _ = write!(detail, " | and {} more", total - SHOWN);
    }
}

/// Downloads the flow's JSON and validates it offline; hands back its `version`.
async fn flow_json(client: &Client, flow_id: &str) -> (Check, Option<String>) {
    const CHECK: &str = "flow-json";
    let upload = "upload a valid Flow JSON (waflow validate FLOW.json, then waflow flows deploy)";
    let text = match client.current_flow_json(flow_id).await {
        Ok(Some(text)) => text,
        Ok(None) => {
            return (
                Check::fail(CHECK, "the flow has no Flow JSON asset", upload),
                None,
            );
        }
        Err(e) => return (cloud_failure(CHECK, "the flow's JSON", &e), None),
    };
    let version = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v.get("version")?.as_str().map(str::to_owned));
    let check = match waflow_json::validate::validate_text(&text) {
        Err(e) => Check::fail(
            CHECK,
            format!("the downloaded Flow JSON is unusable: {e}"),
            upload,
        ),
        Ok(findings) => {
            let errors: Vec<_> = findings.iter().filter(|f| f.is_error()).collect();
            let warnings = findings.len() - errors.len();
            if errors.is_empty() {
                Check::ok(CHECK, format!("validates offline ({warnings} warning(s))"))
            } else {
                let mut detail = format!("{} offline error(s): ", errors.len());
                let shown: Vec<String> =
                    errors.iter().take(SHOWN).map(ToString::to_string).collect();
                detail.push_str(&shown.join(" | "));
                more(&mut detail, errors.len());
                Check::fail(CHECK, detail, upload)
            }
        }
    };
    (check, version)
}

/// Frozen: Meta no longer publishes Flow JSON 2.1–5.0 (2.1/3.0/3.1/4.0 frozen 2025-04-08, 5.0
/// 2025-09-10); a DEPRECATED or BLOCKED flow cannot be published or sent.
fn flow_version(flow: &Flow, downloaded: Option<String>) -> Check {
    const CHECK: &str = "flow-version";
    match flow.status {
        Some(FlowStatus::Deprecated) => {
            return Check::fail(
                CHECK,
                "the flow is DEPRECATED: it can no longer be published or sent",
                "create a new flow from it (waflow flows deploy FLOW.json --name NEW_NAME)",
            );
        }
        Some(FlowStatus::Blocked) => {
            return Check::fail(
                CHECK,
                "the flow is BLOCKED by Meta (endpoint health)",
                "fix the endpoint (see the endpoint checks and the flows webhook alerts); Meta \
                 unblocks the flow once the endpoint is healthy",
            );
        }
        _ => {}
    }
    let Some(text) = flow.json_version.clone().or(downloaded) else {
        return Check::fail(
            CHECK,
            "Meta reports no Flow JSON version",
            "upload a Flow JSON with a \"version\"",
        );
    };
    let version: FlowVersion = match text.parse() {
        Ok(v) => v,
        Err(never) => match never {},
    };
    let latest = FlowVersion::LATEST;
    if matches!(version, FlowVersion::Other(_)) {
        Check::fail(
            CHECK,
            format!("Flow JSON version {text} is not one Meta defines"),
            format!("set \"version\": \"{}\" and upload again", latest.as_str()),
        )
    } else if version <= FlowVersion::V5_0 {
        Check::fail(
            CHECK,
            format!("Flow JSON {text} is frozen: Meta no longer publishes it"),
            format!(
                "move the flow to Flow JSON {} and upload it again",
                latest.as_str()
            ),
        )
    } else {
        Check::ok(
            CHECK,
            format!("Flow JSON {text}, status {}", status_name(flow.status)),
        )
    }
}

fn status_name(s: Option<FlowStatus>) -> &'static str {
    match s {
        Some(FlowStatus::Draft) => "DRAFT",
        Some(FlowStatus::Published) => "PUBLISHED",
        Some(FlowStatus::Deprecated) => "DEPRECATED",
        Some(FlowStatus::Blocked) => "BLOCKED",
        Some(FlowStatus::Throttled) => "THROTTLED",
        _ => "unknown",
    }
}

fn endpoint_uri(flow: &Flow) -> (Check, Option<String>) {
    const CHECK: &str = "endpoint-uri";
    let Some(uri) = flow
        .endpoint_uri
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    else {
        return (
            Check::fail(
                CHECK,
                "the flow has no endpoint_uri",
                "set it: waflow flows deploy FLOW.json --name NAME --endpoint-uri https://…",
            ),
            None,
        );
    };
    let check = if uri.starts_with("https://") {
        Check::ok(CHECK, uri)
    } else if uri.starts_with("http://") && is_loopback(uri) {
        Check::ok(
            CHECK,
            format!("{uri} (loopback: reachable from here, not by Meta)"),
        )
    } else {
        return (
            Check::fail(
                CHECK,
                format!("{uri} is not an https:// URL"),
                "serve the endpoint over HTTPS with a valid certificate and set that URL",
            ),
            None,
        );
    };
    (check, Some(uri.to_owned()))
}

fn is_loopback(uri: &str) -> bool {
    let rest = uri.split_once("://").map_or(uri, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// `endpoint-reachable`, `endpoint-ping` and `endpoint-signature`.
async fn endpoint(
    uri: &str,
    uploaded_key: Option<PublicKey>,
    app_secret: Option<SecretString>,
    budget: Duration,
) -> Vec<Check> {
    let have_uploaded = uploaded_key.is_some();
    // Without a usable uploaded key, reachability and the signature check still work with a
    // throwaway key (the endpoint answers 421 or 432 before decrypting matters).
    let key = match uploaded_key {
        Some(k) => k,
        None => match KeyPair::generate() {
            Ok(pair) => pair.public_key(),
            Err(e) => {
                return vec![Check::fail(
                    "endpoint-reachable",
                    format!("cannot make a key to test with: {e}"),
                    "report this bug",
                )];
            }
        },
    };
    let mut client = FlowClient::for_url(uri, key.clone());
    if let Some(secret) = &app_secret {
        client = client.app_secret(secret.clone());
    }
    let started = Instant::now();
    let outcome = tokio::time::timeout(ENDPOINT_TIMEOUT, client.ping()).await;
    let elapsed = started.elapsed();
    let mut checks = Vec::new();
    let reached = match outcome {
        Err(_) => {
            checks.push(Check::fail(
                "endpoint-reachable",
                format!(
                    "{uri} did not answer within {} s",
                    ENDPOINT_TIMEOUT.as_secs()
                ),
                "check the server is up and not blocked; Meta gives up after 10 s",
            ));
            checks.push(Check::skip(
                "endpoint-ping",
                "the endpoint is not reachable",
                None,
            ));
            None
        }
        Ok(Err(ClientError::Transport(e))) => {
            checks.push(Check::fail(
                "endpoint-reachable",
                format!("cannot reach {uri}: {e}"),
                "start the endpoint and check DNS, TLS certificate and firewall for this URL",
            ));
            checks.push(Check::skip(
                "endpoint-ping",
                "the endpoint is not reachable",
                None,
            ));
            None
        }
        Ok(Err(e)) => {
            checks.push(Check::ok("endpoint-reachable", "answered HTTP 200"));
            checks.push(Check::fail(
                "endpoint-ping",
                format!("the answer to the encrypted ping is unusable: {e}"),
                "encrypt the answer with the request's AES key and the flipped IV, as \
                 waflow::endpoint::FlowEndpoint does",
            ));
            Some(())
        }
        Ok(Ok(exchange)) => {
            checks.push(Check::ok(
                "endpoint-reachable",
                format!("answered HTTP {}", exchange.status),
            ));
            checks.push(ping_check(&exchange, have_uploaded, elapsed, budget));
            Some(())
        }
    };
    checks.push(match (reached, app_secret) {
        (None, _) => Check::skip("endpoint-signature", "the endpoint is not reachable", None),
        (Some(()), None) => Check::skip(
            "endpoint-signature",
            "no app secret given",
            Some(
                "pass --app-secret or set WAFLOW_APP_SECRET to check that unsigned requests get 432"
                    .into(),
            ),
        ),
        (Some(()), Some(_)) => unsigned_check(uri, key).await,
    });
    checks
}

fn ping_check(
    exchange: &Exchange,
    have_uploaded: bool,
    elapsed: Duration,
    budget: Duration,
) -> Check {
    const CHECK: &str = "endpoint-ping";
    let ms = elapsed.as_millis();
    if !have_uploaded {
        return Check::skip(
            CHECK,
            format!(
                "no usable uploaded key to encrypt with (the endpoint answered HTTP {})",
                exchange.status
            ),
            Some("upload the endpoint's public key (see public-key)".into()),
        );
    }
    match exchange.status {
        200 => {
            let active = exchange
                .data()
                .and_then(|d| d.get("status"))
                .and_then(|s| s.as_str())
                == Some("active");
            if !active {
                let got = exchange
                    .response
                    .as_ref()
                    .map_or_else(|| "nothing".to_owned(), ToString::to_string);
                Check::fail(
                    CHECK,
                    format!("answered {got} instead of {{\"data\":{{\"status\":\"active\"}}}}"),
                    "answer action ping with {\"data\":{\"status\":\"active\"}} (FlowEndpoint does)",
                )
            } else if elapsed > budget {
                Check::fail(
                    CHECK,
                    format!("active, but in {ms} ms (budget {} ms)", budget.as_millis()),
                    "answer ping without slow work (no database or remote calls); Meta alerts \
                     when the p90 latency passes 1 s",
                )
            } else {
                Check::ok(
                    CHECK,
                    format!("active in {ms} ms, encrypted with the uploaded key"),
                )
            }
        }
        421 => Check::fail(
            CHECK,
            "HTTP 421: the endpoint cannot decrypt a request made with the uploaded public key",
            "upload the public half of the endpoint's private key (waflow key upload \
             --public-key private.pem)",
        ),
        432 => Check::fail(
            CHECK,
            "HTTP 432: the endpoint refused the request's signature",
            "pass the app secret of the app connected to the flow (--app-secret or \
             WAFLOW_APP_SECRET), the same one the endpoint checks with",
        ),
        status => Check::fail(
            CHECK,
            format!("HTTP {status} to the encrypted ping"),
            "answer ping with 200 and {\"data\":{\"status\":\"active\"}}",
        ),
    }
}

/// An encrypted ping without `X-Hub-Signature-256` must be refused with 432.
async fn unsigned_check(uri: &str, key: PublicKey) -> Check {
    const CHECK: &str = "endpoint-signature";
    let client = FlowClient::for_url(uri, key);
    match tokio::time::timeout(ENDPOINT_TIMEOUT, client.ping()).await {
        Ok(Ok(ex)) if ex.status == 432 => Check::ok(CHECK, "an unsigned request gets 432"),
        Ok(Ok(ex)) => Check::fail(
            CHECK,
            format!("an unsigned request got HTTP {} instead of 432", ex.status),
            "check X-Hub-Signature-256 with the app secret and answer 432 on mismatch \
             (FlowEndpoint::app_secret)",
        ),
        Ok(Err(ClientError::Response(_))) => Check::fail(
            CHECK,
            "an unsigned request was answered 200",
            "check X-Hub-Signature-256 with the app secret and answer 432 on mismatch \
             (FlowEndpoint::app_secret)",
        ),
        Ok(Err(e)) => Check::fail(
            CHECK,
            format!("the unsigned request failed: {e}"),
            "check the endpoint is up",
        ),
        Err(_) => Check::fail(
            CHECK,
            "no answer to the unsigned request within 10 s",
            "answer 432 at once when the signature is missing",
        ),
    }
}

async fn waba_subscription(client: &Client, app_id: Option<&str>) -> Check {
    const CHECK: &str = "waba-subscription";
    let subscribe = "subscribe the app to the WABA: waflow webhook register --callback-url \
                     https://…/webhook --subscribe-waba (Meta refuses to publish with 139002 \
                     otherwise)";
    let apps = match client.subscribed_apps().await {
        Ok(apps) => apps,
        Err(e) => return cloud_failure(CHECK, "the WABA's subscribed apps", &e),
    };
    let names: Vec<String> = apps
        .iter()
        .map(|a| {
            let d = &a.whatsapp_business_api_data;
            match &d.name {
                Some(n) => format!("{n} ({})", d.id),
                None => d.id.clone(),
            }
        })
        .collect();
    match app_id {
        _ if apps.is_empty() => Check::fail(CHECK, "no app is subscribed to the WABA", subscribe),
        Some(id) if !apps.iter().any(|a| a.whatsapp_business_api_data.id == id) => Check::fail(
            CHECK,
            format!(
                "app {id} is not subscribed to the WABA (subscribed: {})",
                names.join(", ")
            ),
            subscribe,
        ),
        _ => Check::ok(CHECK, format!("subscribed: {}", names.join(", "))),
    }
}

async fn webhook_fields(client: &Client) -> Check {
    const CHECK: &str = "webhook-fields";
    let register =
        "waflow webhook register --callback-url https://…/webhook --fields messages,flows";
    let subs = match client.app_subscriptions().await {
        Ok(subs) => subs,
        Err(CloudError::MissingConfig(id)) => {
            return Check::skip(
                CHECK,
                format!("no {id}: the app token reads the app's webhook fields"),
                Some(format!("set {}", flag_for(id))),
            );
        }
        Err(e) => return cloud_failure(CHECK, "the app's webhook subscriptions", &e),
    };
    let Some(sub) = subs
        .iter()
        .find(|s| s.object == "whatsapp_business_account")
    else {
        return Check::fail(
            CHECK,
            "the app has no whatsapp_business_account webhook",
            register,
        );
    };
    let missing: Vec<&str> = ["messages", "flows"]
        .into_iter()
        .filter(|f| !sub.has_field(f))
        .collect();
    if !sub.active {
        Check::fail(
            CHECK,
            "the app's whatsapp_business_account webhook is not active",
            register,
        )
    } else if !missing.is_empty() {
        Check::fail(
            CHECK,
            format!(
                "the app's webhook lacks the field(s) {}",
                missing.join(", ")
            ),
            register,
        )
    } else {
        Check::ok(
            CHECK,
            format!(
                "messages and flows to {}",
                sub.callback_url.as_deref().unwrap_or("(no callback URL)")
            ),
        )
    }
}
