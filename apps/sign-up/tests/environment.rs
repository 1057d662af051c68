//! The built server refuses to start on an unsafe or incomplete configuration: one line per
//! problem on stderr, a non-zero exit, nothing generated and nothing listening.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};

fn run(args: &[&str], env: &[(&str, &str)]) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sign-up"));
    for (key, _) in std::env::vars() {
        if key.starts_with("WAFLOW_") || key == "DATABASE_URL" {
            cmd.env_remove(key);
        }
    }
    cmd.arg("--data-dir").arg(dir.path().join("data"));
    cmd.args(args).envs(env.iter().copied());
    (cmd.output().unwrap(), dir)
}

fn error_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.starts_with("error: "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn production_without_configuration_refuses_to_start_and_generates_nothing() {
    let (out, dir) = run(&["--env", "production", "--addr", "127.0.0.1:0"], &[]);
    assert!(!out.status.success());
    let lines = error_lines(&out);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].contains("private key"), "{lines:?}");
    assert!(lines[1].contains("app secret"), "{lines:?}");
    assert!(lines[2].contains("Cloud API credentials"), "{lines:?}");
    assert!(
        !dir.path().join("data").exists(),
        "no key and no database were created"
    );
}

#[test]
fn the_environment_comes_from_waflow_env_too() {
    let (out, _dir) = run(&["--addr", "127.0.0.1:0"], &[("WAFLOW_ENV", "production")]);
    assert!(!out.status.success());
    assert_eq!(error_lines(&out).len(), 3);
}

#[test]
fn half_cloud_credentials_never_fall_back_to_the_outbox() {
    let (out, _dir) = run(&["--addr", "127.0.0.1:0"], &[("WAFLOW_TOKEN", "t")]);
    assert!(!out.status.success());
    let lines = error_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("WAFLOW_PHONE_ID"), "{lines:?}");
}

#[test]
fn development_refuses_a_public_address() {
    let (out, _dir) = run(&["--addr", "0.0.0.0:0"], &[]);
    assert!(!out.status.success());
    let lines = error_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("--dev-allow-remote"), "{lines:?}");
}

#[test]
fn the_help_names_both_environments() {
    let (out, _dir) = run(&["--help"], &[]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--env"), "{help}");
    assert!(
        help.contains("development") && help.contains("production"),
        "{help}"
    );
    assert!(help.contains("WAFLOW_ENV"), "{help}");
}
