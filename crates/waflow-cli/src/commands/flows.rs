//! `waflow flows deploy|list|get|publish|deprecate|delete|preview`: a flow's lifecycle on Meta.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use serde_json::{Value, json};
use waflow::cloud::{
    Client, CreateFlow, Flow, FlowCategory, FlowStatus, FlowValidationError, PreviewParams,
    UpdateFlowMetadata,
};
use waflow_json::validate::validate_value;

use super::credentials::{Credentials, Needs, block_on, print_json};

/// Arguments of `waflow flows`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    action: Action,
    #[command(flatten)]
    credentials: Credentials,
    /// Print results as JSON (for scripts).
    #[arg(long, global = true)]
    json: bool,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Validate offline, create or update the flow by name, upload its JSON when it changed, optionally publish.
    Deploy(DeployArgs),
    /// List the flows of the WABA.
    List,
    /// Show one flow: status, validation errors, preview, health.
    Get(Target),
    /// Publish a draft flow (cannot be undone).
    Publish(Target),
    /// Deprecate a published flow (cannot be undone).
    Deprecate(Target),
    /// Delete a draft flow.
    Delete(Target),
    /// Print the flow's web preview URL.
    Preview(PreviewArgs),
}

#[derive(Debug, clap::Args)]
struct DeployArgs {
    /// The Flow JSON file.
    file: PathBuf,
    /// The flow's name (unique in the WABA): updated when it exists, created otherwise.
    #[arg(long)]
    name: String,
    /// The data-exchange endpoint URL.
    #[arg(long)]
    endpoint_uri: Option<String>,
    /// Categories, comma-separated (sign-up, sign-in, appointment-booking, lead-generation,
    /// contact-us, customer-support, survey, other); default `other` for a new flow.
    #[arg(long, value_delimiter = ',')]
    categories: Vec<FlowCategory>,
    /// Publish after a clean upload.
    #[arg(long)]
    publish: bool,
    /// Upload even when Meta already holds the same JSON.
    #[arg(long)]
    force_upload: bool,
}

#[derive(Debug, clap::Args)]
struct Target {
    /// Flow id (digits) or name.
    flow: String,
}

#[derive(Debug, clap::Args)]
struct PreviewArgs {
    /// Flow id (digits) or name.
    flow: String,
    /// Make a new URL and expire the old one.
    #[arg(long)]
    invalidate: bool,
    /// Interactive preview (talks to the endpoint).
    #[arg(long)]
    interactive: bool,
    /// Flow token the preview sends.
    #[arg(long)]
    flow_token: Option<String>,
    /// First screen (sets `flow_action=navigate`).
    #[arg(long)]
    screen: Option<String>,
    /// JSON data for the first screen.
    #[arg(long)]
    data: Option<String>,
    /// Start with a data_exchange request instead of navigate.
    #[arg(long, conflicts_with = "screen")]
    data_exchange: bool,
    /// Phone number the preview pretends to be.
    #[arg(long)]
    phone_number: Option<String>,
    /// Show the debug panel.
    #[arg(long)]
    debug: bool,
}

/// Runs `waflow flows`.
pub(crate) fn run(args: Args) -> ExitCode {
    let json = args.json;
    block_on(async move {
        match args.action {
            Action::Deploy(d) => deploy(&args.credentials, d, json).await,
            Action::List => {
                let client = args.credentials.client(Needs {
                    waba: true,
                    ..Needs::default()
                })?;
                let flows = client.list_flows().await.context("listing flows failed")?;
                if json {
                    print_json(&flows)?;
                } else if flows.is_empty() {
                    println!("no flows in this WABA");
                } else {
                    for f in &flows {
                        println!(
                            "{:<20} {:<11} {:<32} {}",
                            f.id,
                            status_name(f.status),
                            f.name.as_deref().unwrap_or("-"),
                            f.categories
                                .iter()
                                .map(|c| c.as_str())
                                .collect::<Vec<_>>()
                                .join(",")
                        );
                    }
                }
                Ok(ExitCode::SUCCESS)
            }
            Action::Get(t) => {
                let client = args.credentials.client(Needs::default())?;
                let id = resolve(&client, &t.flow).await?;
                let flow = client
                    .get_flow(&id)
                    .await
                    .context("reading the flow failed")?;
                if json {
                    print_json(&flow)?;
                } else {
                    print_flow(&flow);
                }
                Ok(ExitCode::SUCCESS)
            }
            Action::Publish(t) => simple(&args.credentials, &t.flow, json, "published").await,
            Action::Deprecate(t) => simple(&args.credentials, &t.flow, json, "deprecated").await,
            Action::Delete(t) => simple(&args.credentials, &t.flow, json, "deleted").await,
            Action::Preview(p) => {
                let client = args.credentials.client(Needs::default())?;
                let id = resolve(&client, &p.flow).await?;
                let preview = client
                    .get_preview(&id, p.invalidate)
                    .await
                    .context("reading the preview failed")?;
                let data = match &p.data {
                    Some(d) => {
                        Some(serde_json::from_str::<Value>(d).context("--data is not JSON")?)
                    }
                    None => None,
                };
                let flow_action = if p.data_exchange {
                    Some("data_exchange".to_owned())
                } else if p.screen.is_some() {
                    Some("navigate".to_owned())
                } else {
                    None
                };
                let payload = match (&p.screen, data) {
                    (Some(s), Some(d)) => Some(json!({"screen": s, "data": d})),
                    (Some(s), None) => Some(json!({"screen": s})),
                    (None, Some(d)) => Some(json!({"data": d})),
                    (None, None) => None,
                };
                let params = PreviewParams {
                    interactive: p.interactive,
                    flow_token: p.flow_token,
                    flow_action,
                    flow_action_payload: payload,
                    phone_number: p.phone_number,
                    debug: p.debug,
                };
                let url = preview.url_with(&params);
                if json {
                    print_json(&json!({"preview_url": url, "expires_at": preview.expires_at}))?;
                } else {
                    println!("{url}");
                    if let Some(e) = &preview.expires_at {
                        eprintln!("expires at {e}");
                    }
                }
                Ok(ExitCode::SUCCESS)
            }
        }
    })
}

fn status_name(s: Option<FlowStatus>) -> &'static str {
    match s {
        Some(FlowStatus::Draft) => "DRAFT",
        Some(FlowStatus::Published) => "PUBLISHED",
        Some(FlowStatus::Deprecated) => "DEPRECATED",
        Some(FlowStatus::Blocked) => "BLOCKED",
        Some(FlowStatus::Throttled) => "THROTTLED",
        _ => "?",
    }
}

fn print_flow(f: &Flow) {
    println!("id:          {}", f.id);
    println!("name:        {}", f.name.as_deref().unwrap_or("-"));
    println!("status:      {}", status_name(f.status));
    println!(
        "categories:  {}",
        f.categories
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some(v) = &f.json_version {
        println!("json:        {v}");
    }
    if let Some(e) = &f.endpoint_uri {
        println!("endpoint:    {e}");
    }
    if let Some(p) = &f.preview {
        println!("preview:     {}", p.preview_url);
    }
    if let Some(h) = &f.health_status {
        println!("can send:    {}", h.can_send_message);
        for entity in &h.entities {
            for e in &entity.errors {
                println!(
                    "  {} {}: error {}: {}",
                    entity.entity_type, entity.id, e.error_code, e.error_description
                );
                if let Some(s) = &e.possible_solution {
                    println!("    fix: {s}");
                }
            }
        }
    }
    if f.validation_errors.is_empty() {
        println!("validation:  no errors");
    } else {
        println!("validation:  {} error(s)", f.validation_errors.len());
        print_meta_errors("flow.json", &f.validation_errors);
    }
}

/// Prints Meta's validation errors as `FILE: POINTER: RULE: message (line L, column C)`, the
/// same layout as `waflow validate`.
fn print_meta_errors(file: &str, errors: &[FlowValidationError]) {
    for e in errors {
        let mut line = format!("{file}: {}: {}: {}", e.json_pointer(), e.error, e.message);
        if let (Some(l), Some(c)) = (e.line_start, e.column_start) {
            line.push_str(&format!(" (line {l}, column {c})"));
        }
        println!("{line}");
    }
}

/// A flow id (all digits) or a name looked up in the WABA.
async fn resolve(client: &Client, flow: &str) -> anyhow::Result<String> {
    if !flow.is_empty() && flow.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(flow.to_owned());
    }
    match client
        .find_flow_by_name(flow)
        .await
        .context("looking the flow up by name failed")?
    {
        Some(f) => Ok(f.id),
        None => bail!("no flow named {flow:?} in this WABA"),
    }
}

async fn simple(
    credentials: &Credentials,
    flow: &str,
    json: bool,
    done: &str,
) -> anyhow::Result<ExitCode> {
    let client = credentials.client(Needs::default())?;
    let id = resolve(&client, flow).await?;
    match done {
        "published" => client
            .publish_flow(&id)
            .await
            .context("publishing failed")?,
        "deprecated" => client
            .deprecate_flow(&id)
            .await
            .context("deprecating failed")?,
        _ => client.delete_flow(&id).await.context("deleting failed")?,
    }
    if json {
        print_json(&json!({"flow_id": id, done: true}))?;
    } else {
        println!("flow {id} {done}");
    }
    Ok(ExitCode::SUCCESS)
}

/// What `deploy` did, printed with `--json`.
#[derive(Debug, Default, serde::Serialize)]
struct DeployReport {
    flow_id: String,
    name: String,
    created: bool,
    metadata_updated: bool,
    uploaded: bool,
    unchanged: bool,
    published: bool,
    validation_errors: Vec<FlowValidationError>,
}

async fn deploy(credentials: &Credentials, d: DeployArgs, json: bool) -> anyhow::Result<ExitCode> {
    let file = d.file.display().to_string();
    let text = std::fs::read_to_string(&d.file).with_context(|| format!("cannot read {file}"))?;
    if !offline_ok(&d.file, &text) {
        eprintln!(
            "{file}: not deployed: fix the errors above first (see `waflow validate {file}`)"
        );
        return Ok(ExitCode::FAILURE);
    }
    let client = credentials.client(Needs {
        waba: true,
        ..Needs::default()
    })?;
    let mut report = DeployReport {
        name: d.name.clone(),
        ..DeployReport::default()
    };
    let say = |msg: String| {
        if !json {
            eprintln!("{msg}");
        }
    };

    let existing = client
        .find_flow_by_name(&d.name)
        .await
        .context("looking the flow up by name failed")?;
    let id = match existing {
        Some(flow) => {
            say(format!(
                "found flow {:?} ({}, {})",
                d.name,
                flow.id,
                status_name(flow.status)
            ));
            if flow.status == Some(FlowStatus::Published) {
                say("note: the flow is published; Meta may refuse changes to it (clone it under a new name to change it)".into());
            }
            let mut update = UpdateFlowMetadata::new();
            if let Some(uri) = &d.endpoint_uri
                && flow.endpoint_uri.as_deref() != Some(uri.as_str())
            {
                update = update.endpoint_uri(uri);
            }
            if !d.categories.is_empty() && d.categories != flow.categories {
                update = update.categories(d.categories.iter().copied());
            }
            if !update.is_empty() {
                client
                    .update_flow_metadata(&flow.id, &update)
                    .await
                    .context("updating the flow's metadata failed")?;
                report.metadata_updated = true;
                say("metadata updated".into());
            }
            flow.id
        }
        None => {
            let categories = if d.categories.is_empty() {
                vec![FlowCategory::Other]
            } else {
                d.categories.clone()
            };
            let mut create = CreateFlow::new(&d.name, categories);
            if let Some(uri) = &d.endpoint_uri {
                create = create.endpoint_uri(uri);
            }
            let created = client
                .create_flow(&create)
                .await
                .context("creating the flow failed")?;
            report.created = true;
            say(format!("created flow {:?} ({})", d.name, created.id));
            created.id
        }
    };
    report.flow_id = id.clone();

    let unchanged = !report.created && !d.force_upload && same_json(&client, &id, &text).await;
    if unchanged {
        report.unchanged = true;
        say("Flow JSON unchanged; upload skipped".into());
    } else {
        let result = client
            .update_flow_json(&id, text.clone())
            .await
            .context("uploading the Flow JSON failed")?;
        report.uploaded = true;
        report.validation_errors = result.validation_errors;
        if report.validation_errors.is_empty() {
            say("Flow JSON uploaded".into());
        }
    }
    if !report.validation_errors.is_empty() {
        if json {
            print_json(&report)?;
        } else {
            print_meta_errors(&file, &report.validation_errors);
            eprintln!(
                "{file}: Meta found {} validation error(s); the flow cannot be published",
                report.validation_errors.len()
            );
        }
        return Ok(ExitCode::FAILURE);
    }
    if d.publish {
        client
            .publish_flow(&id)
            .await
            .context("publishing failed")?;
        report.published = true;
        say(format!("flow {id} published"));
    }
    if json {
        print_json(&report)?;
    } else {
        println!("{id}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Validates the file offline; prints findings like `waflow validate` and says whether there
/// is no error.
fn offline_ok(path: &Path, text: &str) -> bool {
    let file = path.display();
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            eprintln!(
                "{file}:{}:{}: error: not valid JSON: {e}",
                e.line(),
                e.column()
            );
            return false;
        }
    };
    let mut ok = true;
    for f in validate_value(&value) {
        let pointer = if f.pointer.is_empty() {
            "/"
        } else {
            f.pointer.as_str()
        };
        if f.is_error() {
            ok = false;
            println!("{file}: {pointer}: {}: {}", f.rule, f.message);
        } else {
            eprintln!("{file}: {pointer}: {}: warning: {}", f.rule, f.message);
        }
    }
    if ok && let Err(e) = waflow_json::FlowJson::from_value(value) {
        println!(
            "{file}: {}: INVALID_PROPERTY_KEY: {}",
            e.pointer(),
            e.message()
        );
        ok = false;
    }
    ok
}

/// True when Meta's current Flow JSON is the same document as `text` (whitespace ignored).
async fn same_json(client: &Client, id: &str, text: &str) -> bool {
    let Ok(local) = serde_json::from_str::<Value>(text) else {
        return false;
    };
    match client.current_flow_json(id).await {
        Ok(Some(remote)) => serde_json::from_str::<Value>(&remote).is_ok_and(|r| r == local),
        Ok(None) => false,
        Err(e) => {
            eprintln!("note: cannot read the current Flow JSON ({e}); uploading");
            false
        }
    }
}
