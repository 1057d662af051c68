//! `POST /api/complete`: the completion payload in the shape of the `nfm_reply` webhook.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value, json};

use super::error::PlaygroundError;
use super::media::MediaStore;

/// Most uploads one completion may refer to: two pickers of WhatsApp's 30-file maximum, with
/// room to spare. Each reference costs one lookup.
pub(crate) const MAX_MEDIA_REFERENCES: usize = 128;

/// Replaces picker values (lists of uploads) with what the webhook carries for media:
/// `[{"file_name", "mime_type", "sha256", "id"}]`. Reads only the uploads' metadata, and refuses
/// payloads with more than [`MAX_MEDIA_REFERENCES`] `media_id` entries.
fn webhook_media(
    value: Value,
    media: &MediaStore,
    references: &mut usize,
) -> Result<Value, PlaygroundError> {
    Ok(match value {
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|item| {
                    let Some(id) = item.get("media_id").and_then(Value::as_str) else {
                        return webhook_media(item, media, references);
                    };
                    *references += 1;
                    if *references > MAX_MEDIA_REFERENCES {
                        return Err(PlaygroundError::TooManyMedia {
                            limit: MAX_MEDIA_REFERENCES,
                        });
                    }
                    match media.get(id) {
                        Some(m) => Ok(json!({
                            "file_name": m.file_name,
                            "mime_type": m.mime_type,
                            "sha256": m.plaintext_sha256,
                            "id": m.id,
                        })),
                        None => webhook_media(item, media, references),
                    }
                })
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| Ok((k, webhook_media(v, media, references)?)))
                .collect::<Result<_, PlaygroundError>>()?,
        ),
        other => other,
    })
}

/// The webhook WhatsApp would deliver when `phone`'s flow `flow_token` completes with
/// `payload`.
pub(crate) fn completion_webhook(
    flow_token: &str,
    phone: &str,
    payload: Value,
    media: &MediaStore,
) -> Result<Value, PlaygroundError> {
    let mut response = match webhook_media(payload, media, &mut 0)? {
        Value::Object(map) => map,
        Value::Null => Map::new(),
        other => {
            let mut map = Map::new();
            map.insert("payload".into(), other);
            map
        }
    };
    // The session's token, whatever the payload says.
    response.insert("flow_token".into(), Value::String(flow_token.to_owned()));
    let response_json = Value::Object(response).to_string();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    Ok(json!({
        "object": "whatsapp_business_account",
        "entry": [{
            "id": "PLAYGROUND_WABA_ID",
            "changes": [{
                "field": "messages",
                "value": {
                    "messaging_product": "whatsapp",
                    "metadata": { "display_phone_number": "15550000000", "phone_number_id": "PLAYGROUND_PHONE_ID" },
                    "contacts": [{ "profile": { "name": "Playground" }, "wa_id": phone }],
                    "messages": [{
                        "context": { "from": "15550000000", "id": "wamid.PLAYGROUND_FLOW_MESSAGE" },
                        "from": phone,
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
    }))
}
