//! The bad-input battery in the mock runtime: every case from
//! tests/ipc/cases.mjs (run with node) against the real commands and
//! capabilities. Each gets a typed error with nothing written (the content
//! fingerprint of the file is the same before and after), or, where allowed,
//! success with the exact text coming back. Never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{harness, invoke};
use serde::Deserialize;
use serde_json::Value;
use steady_core::Store;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Case {
    name: String,
    cmd: String,
    args: Value,
    allow: String,
    expect: Option<String>,
    /// A command (and its arguments) that shows what a call saved, for the
    /// commands that answer with nothing.
    read_back: Option<(String, Value)>,
}

fn cases() -> Vec<Case> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = std::process::Command::new("node")
        .arg(root.join("tests/ipc/cases.mjs"))
        .args(["--json", "--no-surrogates"])
        .output()
        .expect("run node tests/ipc/cases.mjs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn fill(value: &mut Value, today: &str, big: &str) {
    match value {
        Value::String(s) if s == "$today" => *s = today.to_owned(),
        Value::String(s) if s == "$tenMB" => *s = big.to_owned(),
        Value::Array(items) => items.iter_mut().for_each(|v| fill(v, today, big)),
        Value::Object(map) => map.values_mut().for_each(|v| fill(v, today, big)),
        _ => {}
    }
}

const KINDS: &[&str] = &[
    "validation",
    "notFound",
    "conflict",
    "storage",
    "newerVersion",
    "corrupt",
    "locked",
    "appLocked",
    "wrongPassphrase",
    "unavailable",
];

/// A typed answer: one of our error kinds with a message, or Tauri's own
/// refusal of arguments that don't fit the command's types.
fn typed(err: &Value) -> bool {
    match err {
        Value::Object(o) => {
            o.get("kind")
                .and_then(Value::as_str)
                .is_some_and(|k| KINDS.contains(&k))
                && o.get("message")
                    .and_then(Value::as_str)
                    .is_some_and(|m| !m.is_empty())
        }
        Value::String(s) => s.starts_with("invalid args") || s.contains("missing required key"),
        _ => false,
    }
}

#[test]
fn every_bad_input_gets_a_typed_error_or_an_exact_round_trip() {
    let h = harness();
    invoke(&h.main, "app_status", serde_json::json!({})).unwrap();
    let db = h.data.path().join(steady_core::DATABASE_FILE_NAME);
    let fingerprint = || Store::open(&db).unwrap().content_fingerprint().unwrap();
    let today = chrono::Local::now().date_naive().to_string();
    let big = "x".repeat(10 * 1024 * 1024);
    let cases = cases();
    assert!(cases.len() >= 100, "{} cases", cases.len());
    let mut problems = Vec::new();
    let (mut errors, mut round_trips) = (0, 0);
    for mut case in cases {
        fill(&mut case.args, &today, &big);
        let before = fingerprint();
        match invoke(&h.main, &case.cmd, case.args.clone()) {
            Err(err) => {
                errors += 1;
                if !typed(&err) {
                    problems.push(format!("{}: untyped error {err}", case.name));
                }
                if fingerprint() != before {
                    problems.push(format!("{}: failed, but the data changed", case.name));
                }
            }
            Ok(answer) => {
                round_trips += 1;
                if case.allow == "error" {
                    problems.push(format!("{}: accepted ({answer})", case.name));
                } else if let Some(text) = &case.expect {
                    let shown = match &mut case.read_back {
                        Some((cmd, args)) => {
                            fill(args, &today, &big);
                            invoke(&h.main, cmd, args.clone()).unwrap_or(Value::Null)
                        }
                        None => answer.clone(),
                    };
                    let found = shown
                        .to_string()
                        .contains(&Value::String(text.clone()).to_string());
                    if !found {
                        problems.push(format!(
                            "{}: saved, but {text:?} didn't come back: {answer}",
                            case.name
                        ));
                    }
                }
            }
        }
    }
    println!("{errors} typed errors, {round_trips} accepted with an exact round trip");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
