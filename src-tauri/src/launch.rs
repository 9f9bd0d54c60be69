//! Where Steady keeps its data: `--data-dir PATH` (or `--data-dir=PATH`) wins,
//! then `STEADY_DATA_DIR`, then the platform's app data folder.

use std::ffi::OsString;
use std::path::PathBuf;

/// What the command line and environment asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Launch {
    /// An explicit data folder; `None` means the platform default.
    pub data_dir: Option<PathBuf>,
    /// Test builds only: exports go here instead of through the save dialog.
    pub test_export_dir: Option<PathBuf>,
}

impl Launch {
    /// Reads the real process arguments and environment.
    pub fn from_env() -> Launch {
        Launch::parse(
            std::env::args_os().skip(1),
            std::env::var_os("STEADY_DATA_DIR"),
        )
    }

    pub fn parse(args: impl IntoIterator<Item = OsString>, env_dir: Option<OsString>) -> Launch {
        let mut from_arg = None;
        let mut test_export_dir = None;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            if arg == "--test-export-dir" {
                test_export_dir = args.next().map(PathBuf::from);
            } else if arg == "--data-dir" {
                from_arg = args.next();
            } else if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
                from_arg = Some(OsString::from(value));
            }
        }
        let data_dir = from_arg
            .or(env_dir)
            .filter(|d| !d.is_empty())
            .map(PathBuf::from);
        Launch {
            data_dir,
            test_export_dir,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_argument_wins_over_the_environment() {
        let launch = Launch::parse(args(&["--data-dir", "/a"]), Some("/b".into()));
        assert_eq!(launch.data_dir, Some(PathBuf::from("/a")));
        let launch = Launch::parse(args(&["--data-dir=/c"]), Some("/b".into()));
        assert_eq!(launch.data_dir, Some(PathBuf::from("/c")));
    }

    #[test]
    fn the_environment_is_used_without_an_argument() {
        let launch = Launch::parse(args(&["--other"]), Some("/b".into()));
        assert_eq!(launch.data_dir, Some(PathBuf::from("/b")));
    }

    #[test]
    fn nothing_given_means_the_platform_default() {
        assert_eq!(Launch::parse(args(&[]), None).data_dir, None);
        assert_eq!(
            Launch::parse(args(&["--data-dir"]), Some("".into())).data_dir,
            None
        );
    }
}
