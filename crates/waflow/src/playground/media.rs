//! PhotoPicker / DocumentPicker uploads, encrypted the way WhatsApp's CDN serves them
//! (FLOWS_SPEC.md §4.7): AES-256-CBC with PKCS#7, `cdn_file = ciphertext ‖ HMAC-SHA256(hmac_key,
//! iv ‖ ciphertext)[..10]`, and SHA-256 of both the file and the plaintext.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use aes::Aes256;
use aws_lc_rs::{digest, hmac, rand};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockModeEncrypt, KeyIvInit};
use serde_json::{Value, json};

use super::error::PlaygroundError;

/// Largest file accepted: PhotoPicker's `max-file-size-kb` ceiling (25 600 KiB).
pub(crate) const MAX_MEDIA_BYTES: usize = 25_600 * 1024;
/// How many uploads are kept in memory; the oldest is dropped first.
const KEEP: usize = 64;

/// One encrypted upload.
#[derive(Debug, Clone)]
pub(crate) struct StoredMedia {
    pub(crate) id: String,
    pub(crate) file_name: String,
    pub(crate) mime_type: String,
    pub(crate) plaintext_sha256: String,
    cdn_file: Vec<u8>,
}

/// The uploads of one playground.
#[derive(Debug, Clone, Default)]
pub(crate) struct MediaStore {
    files: Arc<Mutex<VecDeque<StoredMedia>>>,
}

impl MediaStore {
    fn insert(&self, media: StoredMedia) {
        if let Ok(mut files) = self.files.lock() {
            if files.len() >= KEEP {
                files.pop_front();
            }
            files.push_back(media);
        }
    }

    pub(crate) fn get(&self, id: &str) -> Option<StoredMedia> {
        self.files.lock().ok()?.iter().find(|m| m.id == id).cloned()
    }
}

/// The CDN file and the `encryption_metadata` object for one plaintext.
pub(crate) fn encrypt_media(plain: &[u8]) -> Result<(Vec<u8>, Value), PlaygroundError> {
    let mut key = zeroize::Zeroizing::new([0_u8; 32]);
    let mut hmac_key = zeroize::Zeroizing::new([0_u8; 32]);
    let mut iv = [0_u8; 16];
    rand::fill(key.as_mut()).map_err(|_| PlaygroundError::Crypto)?;
    rand::fill(hmac_key.as_mut()).map_err(|_| PlaygroundError::Crypto)?;
    rand::fill(&mut iv).map_err(|_| PlaygroundError::Crypto)?;
    let enc = cbc::Encryptor::<Aes256>::new_from_slices(key.as_ref(), &iv)
        .map_err(|_| PlaygroundError::Crypto)?;
    let mut file = enc.encrypt_padded_vec::<Pkcs7>(plain);
    let hkey = hmac::Key::new(hmac::HMAC_SHA256, hmac_key.as_ref());
    let mut ctx = hmac::Context::with_key(&hkey);
    ctx.update(&iv);
    ctx.update(&file);
    let tag = ctx.sign();
    file.extend_from_slice(&tag.as_ref()[..10]);
    let meta = json!({
        "encrypted_hash": STANDARD.encode(digest::digest(&digest::SHA256, &file)),
        "iv": STANDARD.encode(iv),
        "encryption_key": STANDARD.encode(key.as_ref()),
        "hmac_key": STANDARD.encode(hmac_key.as_ref()),
        "plaintext_hash": STANDARD.encode(digest::digest(&digest::SHA256, plain)),
    });
    Ok((file, meta))
}

fn random_id() -> Result<String, PlaygroundError> {
    let mut bytes = [0_u8; 8];
    rand::fill(&mut bytes).map_err(|_| PlaygroundError::Crypto)?;
    Ok(u64::from_be_bytes(bytes).to_string())
}

/// Decodes `%XX` escapes (the page sends file names URI-encoded in a header).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// `POST /api/media`: encrypts the body and answers the payload entry an endpoint receives.
pub(crate) async fn upload(
    State(store): State<MediaStore>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, PlaygroundError> {
    if body.len() > MAX_MEDIA_BYTES {
        return Err(PlaygroundError::TooLarge {
            size: body.len(),
            limit: MAX_MEDIA_BYTES,
        });
    }
    if body.is_empty() {
        return Err(PlaygroundError::BadRequest("the file is empty".into()));
    }
    let file_name = header_text(&headers, "x-file-name")
        .map(|n| percent_decode(&n))
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "file".to_owned());
    let mime_type = header_text(&headers, "x-mime-type")
        .unwrap_or_else(|| "application/octet-stream".to_owned());
    let (cdn_file, meta) = encrypt_media(&body)?;
    let id = random_id()?;
    let host = header_text(&headers, "host").unwrap_or_else(|| "127.0.0.1".to_owned());
    let path = uri.path();
    let cdn_url = format!("http://{host}{path}/{id}");
    let plaintext_sha256 = meta["plaintext_hash"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    store.insert(StoredMedia {
        id: id.clone(),
        file_name: file_name.clone(),
        mime_type,
        plaintext_sha256,
        cdn_file,
    });
    Ok(Json(json!({
        "media_id": id,
        "cdn_url": cdn_url,
        "file_name": file_name,
        "encryption_metadata": meta,
    })))
}

/// `GET /api/media/{id}`: the encrypted CDN file.
pub(crate) async fn download(
    State(store): State<MediaStore>,
    Path(id): Path<String>,
) -> Result<Response, PlaygroundError> {
    let media = store.get(&id).ok_or(PlaygroundError::UnknownMedia(id))?;
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/octet-stream"),
        )],
        media.cdn_file,
    )
        .into_response())
}
