//! The page and its scripts, embedded in the binary.

use axum::extract::{OriginalUri, Path};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

/// The playground's HTML, CSS and JavaScript (plain files, no bundler).
#[derive(rust_embed::Embed)]
#[folder = "src/playground/assets/"]
pub(crate) struct Assets;

/// `GET /`: the page, with `<base href>` set to wherever the router is mounted.
pub(crate) async fn page(OriginalUri(uri): OriginalUri) -> Response {
    let Some(file) = Assets::get("index.html") else {
        return (StatusCode::NOT_FOUND, "index.html is missing").into_response();
    };
    let html = String::from_utf8_lossy(&file.data);
    let path = uri.path();
    let base = if path.ends_with('/') {
        path.to_owned()
    } else {
        format!("{path}/")
    };
    let base = base.replace('"', "%22");
    Html(html.replacen(
        r#"<base href="./">"#,
        &format!(r#"<base href="{base}">"#),
        1,
    ))
    .into_response()
}

/// `GET /{file}`: one embedded asset.
pub(crate) async fn asset(Path(name): Path<String>) -> Response {
    match Assets::get(&name) {
        Some(file) => {
            let mime = mime_guess::from_path(&name).first_or_octet_stream();
            let content_type = HeaderValue::from_str(mime.as_ref())
                .unwrap_or(HeaderValue::from_static("application/octet-stream"));
            (
                [
                    (header::CONTENT_TYPE, content_type),
                    (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
                ],
                file.data.into_owned(),
            )
                .into_response()
        }
        None => (StatusCode::NOT_FOUND, "no such asset").into_response(),
    }
}
