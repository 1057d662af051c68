//! `waflow::serve::shutdown_signal` resolves on SIGTERM and on SIGINT sent to this very process,
//! and says which one it was. In a test binary of its own: the signals go to the whole process.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::future::Future;
use std::io;
use std::pin::{Pin, pin};
use std::sync::{Arc, Mutex};
use std::task::Poll;
use std::time::Duration;

use waflow::serve::shutdown_signal;

/// The log lines written while the subscriber is installed.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// Polls `future` once, which installs `shutdown_signal`'s handlers.
async fn poll_once<F: Future>(mut future: Pin<&mut F>) -> Poll<F::Output> {
    std::future::poll_fn(|cx| Poll::Ready(future.as_mut().poll(cx))).await
}

fn send_to_self(signal: &str) {
    let status = std::process::Command::new("kill")
        .args([signal, &std::process::id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// One test for both signals: a signal sent while another test waited would wake it too.
#[tokio::test]
async fn shutdown_signal_resolves_on_sigterm_and_on_sigint() {
    let log = Captured::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    for (signal, name) in [("-TERM", "SIGTERM"), ("-INT", "SIGINT")] {
        let mut waiting = pin!(shutdown_signal());
        assert!(poll_once(waiting.as_mut()).await.is_pending(), "{name}");
        send_to_self(signal);
        tokio::time::timeout(Duration::from_secs(10), waiting)
            .await
            .unwrap_or_else(|_| panic!("{name} did not end the wait"));
        let text = log.text();
        assert!(text.contains(&format!("received {name}")), "{name}: {text}");
        log.0.lock().unwrap().clear();
    }
}
