//! `POST /api/complete`: the completion payload in the shape of the `nfm_reply` webhook.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value, json};

use super::media::MediaStore;

/// Replaces picker values (lists of uploads) with what the webhook carries for media:
/// `[{"file_name", "mime_type", "sha256", "id"}]`.
fn webhook_media(value: Value, media: &MediaStore) -> Value {
    match value {
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|item| {
                    let stored = item
                        .get("media_id")
                        .and_then(Value::as_str)
                        .and_then(|id| media.get(id));
                    match stored {
                        Some(m) => json!({
                            "file_name": m.file_name,
                            "mime_type": m.mime_type,
                            "sha256": m.plaintext_sha256,
                            "id": m.id,
                        }),
                        None => webhook_media(item, media),
                    }
                })
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, webhook_media(v, media)))
                .collect(),
        ),
        other => other,
    }
}

/// The webhook WhatsApp would deliver when the flow completes with `payload`.
pub(crate) fn completion_webhook(flow_token: &str, payload: Value, media: &MediaStore) -> Value {
    let mut response = match webhook_media(payload, media) {
        Value::Object(map) => map,
        Value::Null => Map::new(),
        other => {
            let mut map = Map::new();
            map.insert("payload".into(), other);
            map
        }
    };
    response
        .entry("flow_token")
        .or_insert_with(|| Value::String(flow_token.to_owned()));
    let response_json = Value::Object(response).to_string();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    json!({
        "object": "whatsapp_business_account",
        "entry": [{
            "id": "PLAYGROUND_WABA_ID",
            "changes": [{
                "field": "messages",
                "value": {
                    "messaging_product": "whatsapp",
                    "metadata": { "display_phone_number": "15550000000", "phone_number_id": "PLAYGROUND_PHONE_ID" },
                    "contacts": [{ "profile": { "name": "Playground" }, "wa_id": "15550000001" }],
                    "messages": [{
                        "context": { "from": "15550000000", "id": "wamid.PLAYGROUND_FLOW_MESSAGE" },
                        "from": "15550000001",
                        "id": format!("wamid.PLAYGROUND_{now}"),
                        "timestamp": now.to_string(),
                        "type": "interactive",
                        "interactive": {
                            "type": "nfm_reply",
                            "nfm_reply": { "name": "flow", "body": "Sent", "response_json": response_json },
                        },
                    }],
                },
            }],
        }],
    })
}
