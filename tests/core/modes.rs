//! Files `0600` in a `0700` folder, whatever the umask of the person's session
//! (022 and 002 are the usual ones): the database and its WAL and SHM, backups,
//! markers, a saved file in the folder, the readable-while-locked list, and
//! the folder itself, made by Steady. Each step runs in its own process (the
//! `op` driver) started with that umask.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use steady_tests::DataDir;

const PASS: &str = "a long enough passphrase";

fn modes(dir: &Path, out: &mut Vec<(String, bool, u32)>) {
    let meta = std::fs::metadata(dir).unwrap();
    out.push((
        dir.display().to_string(),
        true,
        meta.permissions().mode() & 0o777,
    ));
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            modes(&path, out);
        } else {
            let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
            out.push((path.display().to_string(), false, mode));
        }
    }
}

fn op(umask: &str, dir: &Path, pass: Option<&str>, args: &[&str]) {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_op"))
        .arg(dir)
        .args(args);
    if let Some(p) = pass {
        cmd.env("STEADY_OP_PASS", p).env("STEADY_OP_PASS_AFTER", p);
    } else if args.first() == Some(&"encrypt-on") {
        cmd.env("STEADY_OP_PASS_AFTER", args[1]);
    }
    let out = cmd.output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.starts_with("ok"),
        "umask {umask}, {args:?}: {said} {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_file_is_the_users_alone_whatever_the_umask() {
    for umask in ["022", "002"] {
        let root = DataDir::new();
        let dir = root.path().join("made-by-steady");
        let saved = dir.join("my-plan.html");
        let saved = saved.to_str().unwrap();
        op(umask, &dir, None, &["backup-now"]);
        op(umask, &dir, None, &["save-file", saved]);
        op(umask, &dir, None, &["encrypt-on", PASS]);
        op(umask, &dir, Some(PASS), &["backup-now"]);
        op(umask, &dir, Some(PASS), &["locked-contacts"]);
        let mut found = Vec::new();
        modes(&dir, &mut found);
        assert!(found.len() >= 5, "{found:?}");
        let wrong: Vec<_> = found
            .iter()
            .filter(|(_, is_dir, mode)| *mode != if *is_dir { 0o700 } else { 0o600 })
            .collect();
        assert!(wrong.is_empty(), "umask {umask}: {wrong:?}");
    }
}
