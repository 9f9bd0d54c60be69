//! The schema migrations: the SQL files of the top-level `migrations/` folder,
//! compiled in, in order. Files are append-only: a released file is never edited.

use rusqlite_migration::{M, Migrations};

/// File name and SQL of every migration, oldest first. The schema version of a
/// database is the number of these that have been applied (`PRAGMA user_version`).
pub const FILES: &[(&str, &str)] = &[
    (
        "0001_init.sql",
        include_str!("../../migrations/0001_init.sql"),
    ),
    (
        "0002_checkins.sql",
        include_str!("../../migrations/0002_checkins.sql"),
    ),
    (
        "0003_cravings.sql",
        include_str!("../../migrations/0003_cravings.sql"),
    ),
    (
        "0004_toolbox.sql",
        include_str!("../../migrations/0004_toolbox.sql"),
    ),
    (
        "0005_recovery.sql",
        include_str!("../../migrations/0005_recovery.sql"),
    ),
    (
        "0006_plan.sql",
        include_str!("../../migrations/0006_plan.sql"),
    ),
    (
        "0007_insights_indexes.sql",
        include_str!("../../migrations/0007_insights_indexes.sql"),
    ),
    (
        "0008_reminders.sql",
        include_str!("../../migrations/0008_reminders.sql"),
    ),
    (
        "0009_stable_ids.sql",
        include_str!("../../migrations/0009_stable_ids.sql"),
    ),
    (
        "0010_medication.sql",
        include_str!("../../migrations/0010_medication.sql"),
    ),
    (
        "0011_weekly.sql",
        include_str!("../../migrations/0011_weekly.sql"),
    ),
    (
        "0012_checkin_craving_optional.sql",
        include_str!("../../migrations/0012_checkin_craving_optional.sql"),
    ),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = FILES.len() as i64;

/// The migrations as `rusqlite_migration` sees them.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(FILES.iter().map(|(_, sql)| M::up(sql)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_validate() {
        migrations().validate().unwrap();
    }

    #[test]
    fn every_file_in_the_folder_is_listed_in_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../migrations");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        on_disk.sort();
        let listed: Vec<&str> = FILES.iter().map(|(name, _)| *name).collect();
        assert_eq!(on_disk, listed);
        for (i, name) in listed.iter().enumerate() {
            assert!(
                name.starts_with(&format!("{:04}_", i + 1)),
                "{name} is out of sequence"
            );
        }
    }
}
